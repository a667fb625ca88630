package dev.finflow.command.deadletters;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import dev.finflow.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legacy purchases (written straight into the store) by accounts that were never opened: the split distribution
 * cannot tell them of a split, so each event becomes a dead letter of its sequence instead of stalling the process.
 * Once the account exists a retry delivers the split once; an eviction is recorded and the process goes LIVE.
 */
@CommandSideTest
class DeadLetterTest {

    private static final String SPLITS = "/api/v1/admin/processors/split-distribution";

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoredEvents store;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aPurchaseByAnAccountNeverOpenedIsDeadLetteredRetriedOnceTheAccountExistsAndEvictable() {
        register("GHX");
        assertThat(post("/api/v1/instruments/GHX/splits", "{\"effectiveDate\":\"2024-05-01\",\"numerator\":2,"
                + "\"denominator\":1}")).isIn(200, 201);
        long split = jdbc.queryForObject("select max(global_index) from events.domain_event_entry", Long.class);
        await(() -> {
            var segments = processing.eventProcessor("split-distribution", StreamingEventProcessor.class)
                    .orElseThrow().processingStatus().values();
            return !segments.isEmpty() && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= split);
        });
        String fixable = legacyPurchase("legacy-1", "ghost-1");
        String hopeless = legacyPurchase("legacy-2", "ghost-2");
        await(() -> deadLetters() == 2);

        http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'split-distribution')].state").isEqualTo(List.of("DEGRADED"))
                .jsonPath("$[?(@.name == 'transfer-process')].state").isEqualTo(List.of("LIVE"));
        http.get().uri(SPLITS + "/dead-letters").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.sequence == 'legacy-1')].eventId").isEqualTo(List.of(fixable))
                .jsonPath("$[?(@.sequence == 'legacy-2')].eventId").isEqualTo(List.of(hopeless));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.post().uri(SPLITS + "/dead-letters/retry?sequence=legacy-1").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("dead-letter-still-failing");

        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"ghost-1\",\"name\":\"A\",\"currency\":\"EUR\",\"openedOn\":\"2024-01-02\"}")
                .exchange().expectStatus().isCreated();
        http.post().uri(SPLITS + "/dead-letters/retry?sequence=legacy-1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.applied").isEqualTo(1);
        assertThat(store.all().stream().filter(r -> r.aggregateId().equals("ghost-1")
                && r.simpleType().equals("SplitAppliedEvent"))).hasSize(1);

        http.post().uri(SPLITS + "/dead-letters/{id}/evict?reason=never opened", hopeless).exchange()
                .expectStatus().isOk();
        assertThat(jdbc.queryForMap("select processing_group, sequence_identifier, evicted_by, reason from "
                + "command.dead_letter_eviction where event_identifier = ?", hopeless))
                .containsEntry("processing_group", "split-distribution")
                .containsEntry("sequence_identifier", "legacy-2")
                .containsEntry("evicted_by", TestTokens.DEFAULT_SUBJECT).containsEntry("reason", "never opened");
        http.get().uri("/api/v1/admin/processors").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.state != 'LIVE')]").isEmpty();
    }

    /** A purchase of GHX stored under aggregate {@code aggregate} for {@code account}; answers its event id. */
    private String legacyPurchase(String aggregate, String account) {
        Currency eur = Currency.getInstance("EUR");
        BigDecimal cost = new BigDecimal("100.00");
        eventStore.publish(new GenericDomainEventMessage<>("Account", aggregate, 0, new TradeRecordedEvent(
                new AccountId(account), new TransactionId("b1"), TradeSide.BUY, new Symbol("GHX"),
                new Quantity(BigDecimal.TEN), new Money(BigDecimal.TEN, eur), null, null, LocalDate.of(2024, 1, 10),
                null, List.of(new Leg(LegType.SECURITY, "GHX", BigDecimal.TEN, cost),
                new Leg(LegType.CASH, "EUR", cost.negate(), cost.negate())))));
        return jdbc.queryForObject("select event_identifier from events.domain_event_entry where "
                + "aggregate_identifier = ?", String.class, aggregate);
    }

    private long deadLetters() {
        return jdbc.queryForObject("select count(*) from command.dead_letter_entry where processing_group = "
                + "'split-distribution'", Long.class);
    }

    private void register(String symbol) {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"" + symbol + "\",\"name\":\"Test\",\"type\":\"EQUITY\","
                        + "\"currency\":\"EUR\",\"exchange\":\"XETRA\"}")
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
    }

    private int post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().returnResult(byte[].class).getStatus().value();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
