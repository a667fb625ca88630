package dev.finflow.query.ingestion.projection;

import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunCompletedEvent;
import dev.finflow.events.ingestion.IngestionRunFailedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.bars.domain.JsonText;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

/**
 * Ingestion runs with their outcome: what a run set out to fetch, its progress per symbol, every failed attempt
 * with what the run did next, and how it ended. A run's events share its aggregate, so they arrive in order;
 * every write is guarded by the event's position (or keyed by it), so a redelivery changes nothing.
 */
@Component
public class IngestionRunProjection implements Projection {

    public static final String NAME = "ingestion-runs";
    public static final String RUNS = "ingestion_run";
    public static final String SYMBOLS = "ingestion_run_symbol";
    public static final String ATTEMPTS = "ingestion_attempt";
    private static final Set<Class<?>> HANDLED = Set.of(IngestionRunStartedEvent.class,
            IngestionRunProgressedEvent.class, IngestionAttemptFailedEvent.class, IngestionRunCompletedEvent.class,
            IngestionRunFailedEvent.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(RUNS, SYMBOLS, ATTEMPTS);
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        for (ProjectedEvent event : events) {
            Object payload = event.payload();
            Timestamp at = Timestamp.from(event.recordedAt());
            long position = event.position();
            if (payload instanceof IngestionRunStartedEvent started) {
                jdbc.update("insert into " + tables.name(RUNS) + " (run_id, trigger, watchlist, symbols, range_from,"
                                + " range_to, providers, status, started_at, start_position, last_position)"
                                + " values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?) on conflict (run_id) do nothing",
                        started.runId(), started.trigger().name(), started.watchlist(),
                        JsonText.write(symbols(started.symbols())), started.from(), started.to(),
                        JsonText.write(started.providers()), at, position, position);
            } else if (payload instanceof IngestionRunProgressedEvent progress) {
                jdbc.update("insert into " + tables.name(SYMBOLS) + " as t (run_id, symbol, provider, received,"
                                + " accepted, flagged, rejected, duplicates, corrected, position, recorded_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (run_id, symbol) do update set"
                                + " provider = excluded.provider, received = excluded.received,"
                                + " accepted = excluded.accepted, flagged = excluded.flagged,"
                                + " rejected = excluded.rejected, duplicates = excluded.duplicates,"
                                + " corrected = excluded.corrected, position = excluded.position,"
                                + " recorded_at = excluded.recorded_at where t.position < excluded.position",
                        progress.runId(), progress.symbol().value(), progress.provider(), progress.received(),
                        progress.accepted(), progress.flagged(), progress.rejected(), progress.duplicates(),
                        progress.corrected(), position, at);
                touch(tables, jdbc, progress.runId(), position);
            } else if (payload instanceof IngestionAttemptFailedEvent failed) {
                jdbc.update("insert into " + tables.name(ATTEMPTS) + " (position, run_id, symbol, provider, attempt,"
                                + " cause, next_step, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (position) do nothing", position, failed.runId(),
                        failed.symbol() == null ? null : failed.symbol().value(), failed.provider(), failed.attempt(),
                        failed.cause(), failed.nextStep().name(), at);
                touch(tables, jdbc, failed.runId(), position);
            } else if (payload instanceof IngestionRunCompletedEvent completed) {
                jdbc.update("update " + tables.name(RUNS) + " set status = 'COMPLETED', finished_at = ?,"
                                + " bars_received = ?, last_position = ? where run_id = ? and last_position < ?", at,
                        completed.barsReceived(), position, completed.runId(), position);
            } else if (payload instanceof IngestionRunFailedEvent failed) {
                jdbc.update("update " + tables.name(RUNS) + " set status = 'FAILED', finished_at = ?,"
                                + " failed_symbols = ?, cause = ?, last_position = ? where run_id = ?"
                                + " and last_position < ?", at, JsonText.write(symbols(failed.failedSymbols())),
                        failed.cause(), position, failed.runId(), position);
            }
        }
    }

    private static void touch(TableSet tables, JdbcTemplate jdbc, String runId, long position) {
        jdbc.update("update " + tables.name(RUNS) + " set last_position = ? where run_id = ? and last_position < ?",
                position, runId, position);
    }

    private static List<String> symbols(List<Symbol> symbols) {
        return symbols.stream().map(Symbol::value).toList();
    }
}
