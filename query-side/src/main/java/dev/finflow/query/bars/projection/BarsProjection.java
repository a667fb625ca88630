package dev.finflow.query.bars.projection;

import dev.finflow.query.bars.domain.JsonText;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.CashDividendRecordedEvent;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.market.Verdict;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prices per symbol: instruments as registered, the kept bars (raw; a correction replaces its row and counts a
 * revision; the replaced one is kept with the instant it was replaced, for reads "as known at" an earlier instant)
 * and the splits and dividends adjusted prices are derived from when read. Quarantined bars never get
 * here. Every write is guarded by the event's position, so a redelivered event changes nothing. All events of one
 * instrument share its aggregate, so the default split of events over segments keeps their order.
 */
@Component
public class BarsProjection implements Projection {

    public static final String NAME = "bars";
    static final String INSTRUMENTS = "instrument";
    static final String BARS = "bar";
    static final String ACTIONS = "corporate_action";
    static final String REVISIONS = "bar_revision";
    private static final Set<Class<?>> HANDLED = Set.of(InstrumentRegisteredEvent.class, BarsIngestedEvent.class,
            BarCorrectedEvent.class, SplitRecordedEvent.class, CashDividendRecordedEvent.class);

    /** One row to upsert into the bar table. */
    private record BarRow(ProjectedEvent event, String symbol, IngestedBar bar, String runId, String source) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(INSTRUMENTS, BARS, ACTIONS, REVISIONS);
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        List<BarRow> bars = new ArrayList<>();
        for (ProjectedEvent event : events) {
            Object payload = event.payload();
            if (payload instanceof InstrumentRegisteredEvent registered) {
                register(registered, event, tables, jdbc);
            } else if (payload instanceof BarsIngestedEvent ingested) {
                ingested.bars().forEach(bar -> bars.add(
                        new BarRow(event, ingested.symbol().value(), bar, ingested.runId(), ingested.source())));
            } else if (payload instanceof BarCorrectedEvent corrected && corrected.verdict() != Verdict.REJECTED) {
                // (a rejected correction is quarantined: it never becomes a price)
                bars.add(new BarRow(event, corrected.symbol().value(), new IngestedBar(corrected.corrected(),
                        corrected.verdict(), corrected.findings()), corrected.runId(), corrected.source()));
            } else if (payload instanceof SplitRecordedEvent split) {
                action(event, split.symbol().value(), "SPLIT", split.effectiveDate(), split, null, tables, jdbc);
            } else if (payload instanceof CashDividendRecordedEvent dividend) {
                action(event, dividend.symbol().value(), "DIVIDEND", dividend.exDate(), null, dividend, tables,
                        jdbc);
            }
        }
        for (List<BarRow> round : rounds(bars)) {
            keepReplaced(round, tables, jdbc);
            upsertBars(round, tables, jdbc);
        }
    }

    /**
     * Splits rows so that no round holds a (symbol, date) twice: the driver rewrites a batch into multi-row
     * inserts, and PostgreSQL refuses to update one row twice in one statement. Round k holds the k-th
     * occurrence of each bar, so a bar ingested and corrected in one batch ends as corrected, revision 1.
     */
    private static List<List<BarRow>> rounds(List<BarRow> rows) {
        List<List<BarRow>> rounds = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (BarRow row : rows) {
            int round = seen.merge(row.symbol() + '|' + row.bar().bar().date(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }

    /**
     * A bar for a date already stored (a correction) replaces the row and counts one more revision; the position
     * guard makes a redelivery a no-op. The rows go as arrays in one statement ({@code unnest}): one round trip
     * for a batch of 10,000 bars instead of one statement per bar.
     */
    private static void upsertBars(List<BarRow> rows, TableSet tables, JdbcTemplate jdbc) {
        String table = tables.name(BARS);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("insert into " + table + " as t (symbol,"
                    + " bar_date, open, high, low, close, adjusted_close, volume, verdict, findings, revision, run_id,"
                    + " source, position, recorded_at) select symbol, bar_date, open, high, low, close, adjusted_close,"
                    + " volume, verdict, findings, 0, run_id, source, position, recorded_at from unnest(?::varchar[],"
                    + " ?::date[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::bigint[],"
                    + " ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::bigint[], ?::timestamptz[]) as r(symbol,"
                    + " bar_date, open, high, low, close, adjusted_close, volume, verdict, findings, run_id, source,"
                    + " position, recorded_at) on conflict (symbol, bar_date) do update set open = excluded.open,"
                    + " high = excluded.high, low = excluded.low, close = excluded.close,"
                    + " adjusted_close = excluded.adjusted_close, volume = excluded.volume, verdict = excluded.verdict,"
                    + " findings = excluded.findings, revision = t.revision + 1, run_id = excluded.run_id,"
                    + " source = excluded.source, position = excluded.position, recorded_at = excluded.recorded_at"
                    + " where t.position < excluded.position");
            int n = rows.size();
            Object[][] columns = new Object[14][n];
            for (int i = 0; i < n; i++) {
                BarRow row = rows.get(i);
                var bar = row.bar().bar();
                Object[] values = {row.symbol(), bar.date(), bar.open(), bar.high(), bar.low(), bar.close(),
                        bar.adjustedClose(), bar.volume(), row.bar().verdict().name(),
                        JsonText.write(row.bar().findings()), row.runId(), row.source(), row.event().position(),
                        Timestamp.from(row.event().recordedAt())};
                for (int c = 0; c < values.length; c++) {
                    columns[c][i] = values[c];
                }
            }
            String[] types = {"varchar", "date", "numeric", "numeric", "numeric", "numeric", "numeric", "int8",
                    "varchar", "text", "varchar", "varchar", "int8", "timestamptz"};
            for (int c = 0; c < types.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], text(columns[c])));
            }
            return statement;
        });
    }

    /**
     * Copies each stored bar a row of the round is about to replace (a correction, not a redelivery) into the
     * revisions, with the replacing event's recorded instant.
     */
    private static void keepReplaced(List<BarRow> rows, TableSet tables, JdbcTemplate jdbc) {
        jdbc.update(connection -> {
            // bar_revision has the bar's columns in the bar's order, then replaced_at.
            PreparedStatement statement = connection.prepareStatement("insert into " + tables.name(REVISIONS)
                    + " select b.*, r.recorded_at from " + tables.name(BARS) + " b join unnest(?::varchar[],"
                    + " ?::date[], ?::bigint[],"
                    + " ?::timestamptz[]) as r(symbol, bar_date, position, recorded_at) on b.symbol = r.symbol and"
                    + " b.bar_date = r.bar_date and b.position < r.position on conflict do nothing");
            statement.setArray(1, connection.createArrayOf("varchar", rows.stream().map(BarRow::symbol).toArray()));
            statement.setArray(2, connection.createArrayOf("date", rows.stream()
                    .map(row -> row.bar().bar().date().toString()).toArray()));
            statement.setArray(3, connection.createArrayOf("int8", rows.stream()
                    .map(row -> Long.toString(row.event().position())).toArray()));
            statement.setArray(4, connection.createArrayOf("timestamptz", rows.stream()
                    .map(row -> row.event().recordedAt().toString()).toArray()));
            return statement;
        });
    }

    /** Array elements as text: the driver sends them as a text array literal, PostgreSQL casts each element. */
    private static String[] text(Object[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            text[i] = value == null ? null : value instanceof java.math.BigDecimal decimal ? decimal.toPlainString()
                    : value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value.toString();
        }
        return text;
    }

    private static void register(InstrumentRegisteredEvent registered, ProjectedEvent event, TableSet tables,
                                 JdbcTemplate jdbc) {
        jdbc.update("insert into " + tables.name(INSTRUMENTS) + " (symbol, name, type, currency, base_currency,"
                        + " exchange, registered_on, position) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (symbol) do nothing",
                registered.symbol().value(), registered.name(), registered.type().name(),
                registered.currency().getCurrencyCode(),
                registered.baseCurrency() == null ? null : registered.baseCurrency().getCurrencyCode(),
                registered.exchange(), registered.registeredOn(), event.position());
    }

    private static void action(ProjectedEvent event, String symbol, String kind, java.time.LocalDate date,
                               SplitRecordedEvent split, CashDividendRecordedEvent dividend, TableSet tables,
                               JdbcTemplate jdbc) {
        jdbc.update("insert into " + tables.name(ACTIONS) + " (position, symbol, kind, effective_date, numerator,"
                        + " denominator, amount, currency, source, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (position) do nothing", event.position(), symbol, kind, date,
                split == null ? null : split.numerator(), split == null ? null : split.denominator(),
                dividend == null ? null : dividend.amountPerUnit().amount(),
                dividend == null ? null : dividend.amountPerUnit().currency().getCurrencyCode(),
                split != null ? split.source() : dividend.source(), Timestamp.from(event.recordedAt()));
    }
}
