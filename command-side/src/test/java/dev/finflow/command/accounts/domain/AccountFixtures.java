package dev.finflow.command.accounts.domain;

import dev.finflow.problems.Rule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.OpenAccountCommand;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.events.MetadataKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Shared givens for the account tests: an EUR account "acc-1" opened on 2024-01-02. */
final class AccountFixtures {

    static final AccountId ACC = new AccountId("acc-1");
    static final AccountId OTHER = new AccountId("acc-2");
    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate OPENED = LocalDate.of(2024, 1, 2);
    static final LocalDate DAY = LocalDate.of(2024, 1, 15);

    private AccountFixtures() {
    }

    /**
     * A fixture whose commands come from a process acting on the facts (an {@code actor}), so the ledger rules are
     * tested apart from access; {@link GrantsTest} tests the grants.
     */
    static AggregateTestFixture<Account> fixture() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.andMetaData(Map.of(MetadataKeys.ACTOR, "test")));
        return fixture;
    }

    static OpenAccountCommand open() {
        return new OpenAccountCommand(ACC, "Main", EUR, BigDecimal.ZERO, OPENED);
    }

    static AccountOpenedEvent opened() {
        return opened(ACC, "0.00");
    }

    static AccountOpenedEvent opened(AccountId id, String overdraft) {
        return new AccountOpenedEvent(id, "Main", EUR, new BigDecimal(overdraft), OPENED);
    }

    static CashDepositedEvent deposited(String txId, String amount) {
        Money money = Money.of(amount, "EUR");
        return new CashDepositedEvent(ACC, tx(txId), money, null, DAY, null, List.of(
                leg(LegType.CASH, "EUR", amount, amount),
                leg(LegType.EXTERNAL, "EUR", "-" + amount, "-" + amount)));
    }

    static TransactionId tx(String id) {
        return new TransactionId(id);
    }

    static Leg leg(LegType type, String asset, String quantity, String amount) {
        return new Leg(type, asset, new BigDecimal(quantity), new BigDecimal(amount));
    }

    static Matcher<Object> violates(Rule rule) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RuleViolation violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule " + rule.id());
            }
        };
    }
}
