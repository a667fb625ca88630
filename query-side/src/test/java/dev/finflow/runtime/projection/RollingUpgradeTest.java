package dev.finflow.runtime.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.events.serialization.UnreadableEventException;
import dev.finflow.runtime.deadletters.ProcessorDeadLetters;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideApplication;
import dev.finflow.query.verify.domain.Verification;
import dev.finflow.query.verify.process.Verifier;
import dev.finflow.testing.TestDatabase;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade seen by a reader: the new command side already writes revision 4 of {@code CashDepositedEvent}
 * (an optional field more) while an old query side, which reads revision 1 only, is still running. The old one
 * neither stops nor reads the event as revision 1 (dropping the new field): it puts it aside as a dead letter of
 * its account, the account's later events wait behind it, every other account goes on, and the projection shows
 * DEGRADED. The upgraded query side, started on the same database, reads revision 4 (here an upcaster to the
 * current shape stands for the new release's classes) and applies the letters by itself as it starts, read again
 * from the store: the read model then equals the full fold of the store.
 */
class RollingUpgradeTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final String DEPOSIT = CashDepositedEvent.class.getName();

    @Test
    void anOldReaderDeadLettersARevisionItDoesNotKnowAndTheUpgradedOneAppliesIt() {
        try (TestDatabase database = TestDatabase.create()) {
            String newer;
            long last;
            try (ConfigurableApplicationContext old = start(database)) {
                EventAppender events = old.getBean(EventAppender.class);
                LedgerScenario scenario = new LedgerScenario(events);
                scenario.open("ru-1", "alice");
                scenario.open("ru-2", "alice");
                scenario.record("ru-1", "ru-d1", "alice", deposit("ru-1", "ru-d1", "100.00"));
                newer = appendRevision4(old.getBean(JdbcTemplate.class), "ru-1", "ru-d2", "50.00");
                scenario.record("ru-1", "ru-d3", "alice", deposit("ru-1", "ru-d3", "7.00"));
                last = scenario.record("ru-2", "ru-d4", "alice", deposit("ru-2", "ru-d4", "20.00"));

                ProjectionMonitor monitor = old.getBean(ProjectionMonitor.class);
                EventAppender.await(() -> monitor.status("holdings").filter(s -> s.position() >= last
                        && s.state().equals("DEGRADED")).isPresent());
                List<ProcessorDeadLetters.Letter> letters = old.getBean(ProjectionDeadLetters.class).list("holdings");
                assertThat(letters).extracting(ProcessorDeadLetters.Letter::sequence).containsExactly("ru-1", "ru-1");
                assertThat(letters.get(0).eventId()).isEqualTo(newer);
                assertThat(letters.get(0).causeType()).isEqualTo(UnreadableEventException.class.getName());
                assertThat(letters.get(0).causeMessage()).contains("revision 4 is unknown to this version");
                assertThat(letters.get(1).causeType()).isNull(); // queued behind it
                assertThat(monitor.status("holdings").orElseThrow().stalled()).isFalse();
                assertThat(cashBalance(old, "ru-1")).isEqualByComparingTo("100.00");
                assertThat(cashBalance(old, "ru-2")).isEqualByComparingTo("20.00");
                Verification verified = old.getBean(Verifier.class).verify("holdings").orElseThrow();
                assertThat(verified.differences()).isEmpty();
                assertThat(verified.deadLettered()).hasSize(2).contains(newer);
            }

            try (ConfigurableApplicationContext upgraded = start(database, Revision4.class)) {
                // No one retries: the upgraded service does at start what the old one could not read.
                ProjectionMonitor monitor = upgraded.getBean(ProjectionMonitor.class);
                EventAppender.await(() -> monitor.status("holdings").filter(s -> s.position() >= last
                        && s.state().equals("LIVE")).isPresent());
                assertThat(upgraded.getBean(ProjectionDeadLetters.class).list("holdings")).isEmpty();
                assertThat(upgraded.getBean(ProjectionDeadLetters.class).list("transactions")).isEmpty();
                assertThat(cashBalance(upgraded, "ru-1")).isEqualByComparingTo("157.00");
                Verification verified = upgraded.getBean(Verifier.class).verify("holdings").orElseThrow();
                assertThat(verified.differences()).isEmpty();
                assertThat(verified.deadLettered()).isEmpty();
            }
        }
    }

    /** The upgraded release's reading of revision 4, which only added the optional field {@code channel}. */
    static class Revision4 {

        @Bean
        EventUpcaster cashDepositedRevision4() {
            return new SingleEventUpcaster() {
                @Override
                protected boolean canUpcast(IntermediateEventRepresentation representation) {
                    return representation.getType().equals(new SimpleSerializedType(DEPOSIT, "4"));
                }

                @Override
                protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                    return representation.upcast(new SimpleSerializedType(DEPOSIT, "1"), JsonNode.class,
                            json -> ((ObjectNode) json).without("channel"), metaData -> metaData);
                }
            };
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database, Class<?>... more) {
        Class<?>[] sources = new Class<?>[more.length + 1];
        sources[0] = QuerySideApplication.class;
        System.arraycopy(more, 0, sources, 1, more.length);
        // Command-line arguments: they outrank application.yml's ${FINFLOW_DB_URL:} placeholders.
        return new SpringApplicationBuilder(sources).run("--server.port=0",
                "--finflow.db.url=" + database.jdbcUrl(), "--finflow.db.user=" + database.username(),
                "--finflow.db.password=" + database.password(),
                "--finflow.query.projections.poll-interval=10ms",
                "--finflow.query.projections.reconcile-interval=200ms");
    }

    /** Writes a deposit as the new command side does: revision 4, with a field revision 1 does not have. */
    private static String appendRevision4(JdbcTemplate jdbc, String account, String transaction, String amount) {
        ObjectNode payload = JSON.valueToTree(deposit(account, transaction, amount));
        payload.put("channel", "sepa");
        String eventId = UUID.randomUUID().toString();
        Long sequence = jdbc.queryForObject("select max(sequence_number) + 1 from events.domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, account);
        jdbc.update("insert into events.domain_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "values (?, ?, 'Account', ?, ?, ?, '4', ?, ?)", account, sequence, eventId,
                "{\"principal\":\"alice\",\"correlationId\":\"corr-" + transaction + "\",\"source\":\"api\"}",
                payload.toString(), DEPOSIT, Instant.now().toString());
        return eventId;
    }

    private static BigDecimal cashBalance(ConfigurableApplicationContext context, String account) {
        String table = context.getBean(ProjectionCatalog.class).tables("holdings").name("holding_movement");
        return context.getBean(JdbcTemplate.class).queryForObject("select coalesce(sum(amount), 0) from " + table
                + " where account_id = ? and kind = 'CASH'", BigDecimal.class, account);
    }

    private static CashDepositedEvent deposit(String account, String transaction, String amount) {
        return new CashDepositedEvent(id(account), tx(transaction), eur(amount), null, day("2024-01-03"), null,
                List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount)));
    }
}
