package dev.finflow.runtime.dispatch;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class ConcurrencyTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;
    @Autowired
    EventStore eventStore;
    @Autowired
    MeterRegistry meters;

    @Test
    void concurrentCommandsOnOneAccountAllLandInOneGaplessSequence() {
        open("busy-1");

        List<Integer> statuses = Flux.range(0, 64).parallel(16).runOn(Schedulers.boundedElastic())
                .map(i -> deposit("busy-1", "d" + i, "1.00"))
                .sequential().collectList().block();

        assertThat(statuses).hasSize(64).containsOnly(201);
        List<StoredEvents.Row> rows = store.all().stream().filter(r -> r.aggregateId().equals("busy-1")).toList();
        assertThat(rows).extracting(StoredEvents.Row::sequenceNumber)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 64).mapToObj(Long::valueOf).toList());
        assertThat(withdraw("busy-1", "w1", "64.00")).isEqualTo(201);
        assertThat(withdraw("busy-1", "w2", "0.01")).isEqualTo(422);
    }

    @Test
    void theSameTransactionSentConcurrentlyIsRecordedOnce() {
        open("twice-1");

        List<Integer> statuses = Flux.range(0, 8).parallel(8).runOn(Schedulers.boundedElastic())
                .map(i -> deposit("twice-1", "same", "5.00"))
                .sequential().collectList().block();

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(store.all().stream().filter(r -> r.aggregateId().equals("twice-1"))).hasSize(2);
    }

    /**
     * Another replica appended to the account behind this one's cache: the append conflicts on the aggregate
     * sequence number (PostgreSQL's unique key), and the command is retried on fresh state instead of failing.
     */
    @Test
    void aWriteByAnotherReplicaIsDetectedAndTheCommandRetriedOnFreshState() {
        open("replica-1");
        assertThat(deposit("replica-1", "d1", "10.00")).isEqualTo(201);
        depositAsAnotherReplica("replica-1", 2);

        // The stale cache is reloaded before the group decides (a write landing after that check would collide
        // with the other replica's sequence number 2 and be retried).
        assertThat(deposit("replica-1", "d2", "1.00")).isEqualTo(201);
        // Only an account that sees the other replica's deposit holds 21.00.
        assertThat(withdraw("replica-1", "w1", "21.00")).isEqualTo(201);

        assertThat(store.all().stream().filter(r -> r.aggregateId().equals("replica-1")))
                .extracting(row -> row.sequenceNumber() + " " + row.simpleType())
                .containsExactly("0 AccountOpenedEvent", "1 CashDepositedEvent", "2 CashDepositedEvent",
                        "3 CashDepositedEvent", "4 CashWithdrawnEvent");
    }

    /** The cached account is found behind the store before the group decides, and reloaded: no doomed attempt. */
    @Test
    void aCachedAccountBehindTheStoreIsReloadedBeforeItDecides() {
        open("replica-3");
        assertThat(deposit("replica-3", "d1", "10.00")).isEqualTo(201);
        double before = meters.counter("finflow.commands.stale.evictions").count();
        depositAsAnotherReplica("replica-3", 2);

        assertThat(withdraw("replica-3", "w1", "20.00")).isEqualTo(201);
        assertThat(meters.counter("finflow.commands.stale.evictions").count()).isEqualTo(before + 1);
        assertThat(deposit("replica-3", "d2", "1.00")).isEqualTo(201);
        assertThat(meters.counter("finflow.commands.stale.evictions").count()).as("fresh now").isEqualTo(before + 1);
    }

    /** A refusal decided on a stale cache is confirmed against the store before it is answered. */
    @Test
    void aRefusalIsConfirmedOnFreshStateBeforeItIsAnswered() {
        open("replica-2");
        assertThat(deposit("replica-2", "d1", "10.00")).isEqualTo(201);
        depositAsAnotherReplica("replica-2", 2);

        assertThat(withdraw("replica-2", "w1", "20.00")).isEqualTo(201);
    }

    /** Appends a 10.00 deposit straight to the store, as a second command-side replica would. */
    private void depositAsAnotherReplica(String account, long sequenceNumber) {
        BigDecimal ten = new BigDecimal("10.00");
        eventStore.publish(new GenericDomainEventMessage<>("Account", account, sequenceNumber,
                new CashDepositedEvent(new AccountId(account), new TransactionId("elsewhere"),
                        Money.of("10.00", "EUR"), null, LocalDate.of(2024, 1, 1), null,
                        List.of(new Leg(LegType.CASH, "EUR", ten, ten),
                                new Leg(LegType.EXTERNAL, "EUR", ten.negate(), ten.negate())))));
    }

    private void open(String account) {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"" + account + "\",\"name\":\"A\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isCreated();
    }

    private int deposit(String account, String txId, String amount) {
        return post(account, txId, "DEPOSIT", amount);
    }

    private int withdraw(String account, String txId, String amount) {
        return post(account, txId, "WITHDRAWAL", amount);
    }

    private int post(String account, String txId, String type, String amount) {
        return http.post().uri("/api/v1/accounts/" + account + "/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"transactionId\":\"" + txId + "\",\"type\":\"" + type + "\",\"amount\":" + amount
                        + ",\"currency\":\"EUR\"}")
                .exchange().returnResult(byte[].class).getStatus().value();
    }
}
