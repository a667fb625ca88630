package dev.finflow.runtime.dispatch;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.DepositCashCommand;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.OpenAccountCommand;
import dev.finflow.events.ledger.WithdrawCashCommand;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import dev.finflow.events.MetadataKeys;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commit groups composed by hand, so that what shares a transaction is certain rather than timing. */
@CommandSideTest
class CommitGroupTest {

    private static final LocalDate DAY = LocalDate.of(2024, 2, 1);
    /** Every command as one owner's: the opener owns the accounts these tests write to. */
    private static final MetaData OWNER = MetaData.with(MetadataKeys.PRINCIPAL, "group-tester");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    StoredEvents store;
    @Autowired
    EventStore eventStore;

    @Test
    void refusalsInAGroupUndoOnlyThemselvesAndTheRestCommitsInOrder() throws Exception {
        open("grp-a");
        open("grp-b");
        Job deposit = job(deposit("grp-a", "d1", "100.00"));
        Job batch = dispatcher.job(List.of(deposit("grp-a", "d2", "10.00"), withdraw("grp-a", "w1", "500.00"),
                deposit("grp-a", "d3", "1.00")), OWNER, true);
        Job afterBatch = job(withdraw("grp-a", "w2", "100.00"));
        Job refused = job(withdraw("grp-b", "w1", "0.01"));

        dispatcher.runGroup(List.of(deposit, batch, afterBatch, refused));

        assertThat(deposit.result.get()).singleElement().satisfies(r -> assertThat(r.sequenceNumber()).isEqualTo(1));
        assertThatThrownBy(batch.result::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BatchItemFailed.class)
                .satisfies(e -> assertThat(((BatchItemFailed) e).index()).isEqualTo(1));
        assertThat(afterBatch.result.get()).singleElement()
                .satisfies(r -> assertThat(r.sequenceNumber()).isEqualTo(2));
        assertThatThrownBy(refused.result::get).cause().isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).rule()).isEqualTo(CommandRule.INSUFFICIENT_CASH));
        assertThat(rows("grp-a")).containsExactly("0 AccountOpenedEvent", "1 CashDepositedEvent",
                "2 CashWithdrawnEvent");
        assertThat(rows("grp-b")).containsExactly("0 AccountOpenedEvent");
    }

    @Test
    void aGroupThatCollidesWithAnotherWriterIsRunAgainJobByJob() throws Exception {
        open("grp-c");
        open("grp-d");
        BigDecimal five = new BigDecimal("5.00");
        // Another replica appends behind this one's cache.
        eventStore.publish(new GenericDomainEventMessage<>("Account", "grp-c", 1, new CashDepositedEvent(
                new AccountId("grp-c"), new TransactionId("elsewhere"), Money.of("5.00", "EUR"), null, DAY, null,
                List.of(new Leg(LegType.CASH, "EUR", five, five),
                        new Leg(LegType.EXTERNAL, "EUR", five.negate(), five.negate())))));
        Job onStale = job(deposit("grp-c", "d1", "1.00"));
        Job unrelated = job(deposit("grp-d", "d1", "2.00"));

        dispatcher.runGroup(List.of(onStale, unrelated));

        assertThat(onStale.result.get()).singleElement().satisfies(r -> assertThat(r.sequenceNumber()).isEqualTo(2));
        assertThat(unrelated.result.get()).singleElement()
                .satisfies(r -> assertThat(r.sequenceNumber()).isEqualTo(1));
        assertThat(rows("grp-c")).containsExactly("0 AccountOpenedEvent", "1 CashDepositedEvent",
                "2 CashDepositedEvent");
        assertThat(rows("grp-d")).containsExactly("0 AccountOpenedEvent", "1 CashDepositedEvent");
    }

    private void open(String account) throws Exception {
        Job open = job(new OpenAccountCommand(new AccountId(account), "A", Currency.getInstance("EUR"),
                BigDecimal.ZERO, DAY));
        dispatcher.runGroup(List.of(open));
        open.result.get();
    }

    private Job job(Object command) {
        return dispatcher.job(List.of(command), OWNER, false);
    }

    private static DepositCashCommand deposit(String account, String tx, String amount) {
        return new DepositCashCommand(new AccountId(account), new TransactionId(tx), Money.of(amount, "EUR"), null,
                DAY, null);
    }

    private static WithdrawCashCommand withdraw(String account, String tx, String amount) {
        return new WithdrawCashCommand(new AccountId(account), new TransactionId(tx), Money.of(amount, "EUR"), null,
                DAY, null);
    }

    private List<String> rows(String account) {
        return store.all().stream().filter(row -> row.aggregateId().equals(account))
                .map(row -> row.sequenceNumber() + " " + row.simpleType()).toList();
    }
}
