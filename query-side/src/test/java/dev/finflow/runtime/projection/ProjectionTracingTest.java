package dev.finflow.runtime.projection;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.runtime.deadletters.ProcessorDeadLetters;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's work joins the trace of the command that caused its events: the event's {@code traceparent}
 * (written by the command side, see the command side's TraceContextTest) is the parent of the span the projection
 * applies it in, and what it logs meanwhile carries that trace id (docs/operate.md, traces).
 */
@QuerySideTest
@Import(ProjectionTracingTest.RecordedSpans.class)
class ProjectionTracingTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String COMMAND_SPAN = "b7ad6b7169203331";

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    RecordedSpans spans;

    @Test
    void theProjectionAppliesAnEventInASpanOfTheCommandsTrace() {
        new LedgerScenario(events).open("pt-1", "alice");
        events.append("Account", "pt-1", deposit("pt-1", "pt-d1", "fine"), "alice", "corr-pt", traced());

        EventAppender.await(() -> spans.named("project transactions").stream()
                .anyMatch(span -> span.getTraceId().equals(TRACE_ID)));
        SpanData applied = spans.named("project transactions").stream()
                .filter(span -> span.getTraceId().equals(TRACE_ID)).findFirst().orElseThrow();
        assertThat(applied.getParentSpanId()).isEqualTo(COMMAND_SPAN);
        // Each projection runs on its own processor: the holdings span may end after the transactions one.
        EventAppender.await(() -> spans.named("project holdings").stream()
                .anyMatch(span -> span.getTraceId().equals(TRACE_ID)));
        assertThat(spans.named("project holdings")).anyMatch(span -> span.getTraceId().equals(TRACE_ID)
                && span.getParentSpanId().equals(COMMAND_SPAN));
    }

    @Test
    void whatTheProjectionLogsWhileApplyingItCarriesTheTraceId() {
        String table = catalog.tables("transactions").name("account_transaction");
        jdbc.execute("alter table " + table + " add constraint no_poison_pt check (memo is distinct from 'poison')");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ProcessorDeadLetters.class);
        logged.start();
        logger.addAppender(logged);
        try {
            new LedgerScenario(events).open("pt-2", "alice");
            events.append("Account", "pt-2", deposit("pt-2", "pt-d2", "poison"), "alice", "corr-pt2", traced());

            EventAppender.await(() -> logged.list.stream().anyMatch(line -> line.getFormattedMessage()
                    .contains("sequence pt-2")));
            ILoggingEvent warning = logged.list.stream().filter(line -> line.getFormattedMessage()
                    .contains("sequence pt-2")).findFirst().orElseThrow();
            assertThat(warning.getMDCPropertyMap()).containsEntry("traceId", TRACE_ID).containsKey("spanId");
            // The span ends once the batch is through.
            EventAppender.await(() -> spans.named("project transactions").stream().anyMatch(span -> span.getSpanId()
                    .equals(warning.getMDCPropertyMap().get("spanId")) && span.getTraceId().equals(TRACE_ID)));
        } finally {
            logger.detachAppender(logged);
            jdbc.execute("alter table " + table + " drop constraint no_poison_pt");
        }
    }

    private static Map<String, String> traced() {
        return Map.of(MetadataKeys.TRACEPARENT, "00-" + TRACE_ID + "-" + COMMAND_SPAN + "-01");
    }

    private static CashDepositedEvent deposit(String account, String tx, String memo) {
        return new CashDepositedEvent(id(account), tx(tx), eur("10.00"), null, day("2024-01-03"), memo,
                List.of(cash("10.00"), leg(LegType.EXTERNAL, "EUR", "-10.00")));
    }

    /** Every span that ends, as the exporter would get it (Boot hands every SpanProcessor bean to the SDK). */
    @TestConfiguration
    static class RecordedSpans implements SpanProcessor {

        private final List<SpanData> ended = new CopyOnWriteArrayList<>();

        List<SpanData> named(String name) {
            return ended.stream().filter(span -> span.getName().equals(name)).toList();
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
