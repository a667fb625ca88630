package dev.finflow.query.quality.projection;

import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.PricesWentStaleEvent;
import dev.finflow.events.market.QuarantinedBar;
import dev.finflow.events.market.Verdict;
import dev.finflow.query.bars.domain.JsonText;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quality log per symbol: how many bars got each verdict, overall and per rule, every bar that was not simply
 * accepted (flagged, quarantined, or corrected) with its findings, and the staleness events. Counters move only
 * for an event newer than the last one counted ({@code last_position}), so a redelivery never counts twice.
 */
@Component
public class QualityProjection implements Projection {

    public static final String NAME = "quality";
    public static final String COUNTS = "quality_count";
    public static final String ISSUES = "quality_issue";
    public static final String STALENESS = "quality_staleness";
    /** The rule column of the totals row of a verdict. */
    public static final String ALL_RULES = "";
    private static final Set<Class<?>> HANDLED = Set.of(BarsIngestedEvent.class, BarsQuarantinedEvent.class,
            BarCorrectedEvent.class, PricesWentStaleEvent.class);

    private record CountKey(String symbol, String rule, String verdict) {
    }

    /** What a correction's issue row shows: the bar before and after (a record keeps the JSON order fixed). */
    record Correction(Bar previous, Bar corrected, String reason) {
    }

    private record Delta(long position, CountKey key, long bars, long corrections) {
    }

    private record Issue(ProjectedEvent event, int item, String symbol, String date, Verdict verdict, String origin,
                         List<Finding> findings, Object bar, String runId, String source) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(COUNTS, ISSUES, STALENESS);
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        List<Delta> deltas = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        for (ProjectedEvent event : events) {
            Map<CountKey, long[]> counts = new LinkedHashMap<>();
            Object payload = event.payload();
            if (payload instanceof BarsIngestedEvent ingested) {
                String symbol = ingested.symbol().value();
                for (int i = 0; i < ingested.bars().size(); i++) {
                    IngestedBar bar = ingested.bars().get(i);
                    count(counts, symbol, bar.verdict(), bar.findings(), false);
                    if (bar.verdict() != Verdict.ACCEPTED) {
                        issues.add(new Issue(event, i, symbol, bar.bar().date().toString(), bar.verdict(), "INGESTED",
                                bar.findings(), bar.bar(), ingested.runId(), ingested.source()));
                    }
                }
            } else if (payload instanceof BarsQuarantinedEvent quarantined) {
                String symbol = quarantined.symbol().value();
                for (int i = 0; i < quarantined.bars().size(); i++) {
                    QuarantinedBar bar = quarantined.bars().get(i);
                    count(counts, symbol, Verdict.REJECTED, bar.findings(), false);
                    issues.add(new Issue(event, i, symbol, bar.raw().date(), Verdict.REJECTED, "QUARANTINED",
                            bar.findings(), bar.raw(), quarantined.runId(), quarantined.source()));
                }
            } else if (payload instanceof BarCorrectedEvent corrected) {
                String symbol = corrected.symbol().value();
                count(counts, symbol, corrected.verdict(), corrected.findings(), true);
                issues.add(new Issue(event, 0, symbol, corrected.corrected().date().toString(), corrected.verdict(),
                        "CORRECTED", corrected.findings(), new Correction(corrected.previous(), corrected.corrected(),
                        corrected.reason()), corrected.runId(), corrected.source()));
            } else if (payload instanceof PricesWentStaleEvent stale) {
                jdbc.update("insert into " + tables.name(STALENESS) + " (position, symbol, newest_bar, expected_latest,"
                                + " checked_on, recorded_at) values (?, ?, ?, ?, ?, ?) on conflict (position) do nothing",
                        event.position(), stale.symbol().value(), stale.newestBar(), stale.expectedLatest(),
                        stale.checkedOn(), Timestamp.from(event.recordedAt()));
            }
            counts.forEach((key, n) -> deltas.add(new Delta(event.position(), key, n[0], n[1])));
        }
        writeCounts(deltas, tables, jdbc);
        writeIssues(issues, tables, jdbc);
    }

    private static void count(Map<CountKey, long[]> counts, String symbol, Verdict verdict, List<Finding> findings,
                              boolean correction) {
        List<String> rules = new ArrayList<>();
        rules.add(ALL_RULES);
        findings.stream().map(Finding::rule).distinct().forEach(rules::add);
        for (String rule : rules) {
            long[] n = counts.computeIfAbsent(new CountKey(symbol, rule, verdict.name()), k -> new long[2]);
            n[0]++;
            n[1] += correction ? 1 : 0;
        }
    }

    /** One upsert per (event, symbol, rule, verdict); each event's keys are distinct, so batches stay valid. */
    private static void writeCounts(List<Delta> deltas, TableSet tables, JdbcTemplate jdbc) {
        Map<Long, List<Delta>> byEvent = new LinkedHashMap<>();
        deltas.forEach(delta -> byEvent.computeIfAbsent(delta.position(), p -> new ArrayList<>()).add(delta));
        for (List<Delta> round : byEvent.values()) {
            jdbc.batchUpdate("insert into " + tables.name(COUNTS) + " as t (symbol, rule, verdict, bars, corrections,"
                    + " last_position) values (?, ?, ?, ?, ?, ?) on conflict (symbol, rule, verdict) do update set"
                    + " bars = t.bars + excluded.bars, corrections = t.corrections + excluded.corrections,"
                    + " last_position = excluded.last_position where t.last_position < excluded.last_position",
                    round, round.size(), (statement, delta) -> {
                        statement.setString(1, delta.key().symbol());
                        statement.setString(2, delta.key().rule());
                        statement.setString(3, delta.key().verdict());
                        statement.setLong(4, delta.bars());
                        statement.setLong(5, delta.corrections());
                        statement.setLong(6, delta.position());
                    });
        }
    }

    private static void writeIssues(List<Issue> issues, TableSet tables, JdbcTemplate jdbc) {
        jdbc.batchUpdate("insert into " + tables.name(ISSUES) + " (position, item, symbol, bar_date, verdict, origin,"
                + " findings, bar, run_id, source, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (position, item) do nothing", issues, 5000, (statement, issue) -> {
                    statement.setLong(1, issue.event().position());
                    statement.setInt(2, issue.item());
                    statement.setString(3, issue.symbol());
                    statement.setString(4, issue.date());
                    statement.setString(5, issue.verdict().name());
                    statement.setString(6, issue.origin());
                    statement.setString(7, JsonText.write(issue.findings()));
                    statement.setString(8, JsonText.write(issue.bar()));
                    statement.setString(9, issue.runId());
                    statement.setString(10, issue.source());
                    statement.setTimestamp(11, Timestamp.from(issue.event().recordedAt()));
                });
    }
}
