package dev.finflow.query.verify.domain;

import java.util.List;

import static dev.finflow.query.verify.domain.Check.types;

/**
 * What the market projections must hold, per symbol (or ingestion run), folded from the store's JSON: registered
 * instruments, each kept bar's close and the event it comes from (the latest ingestion or kept correction of its
 * date), corporate actions, every bar not simply accepted, verdict counts, staleness, and each run's outcome.
 */
public final class MarketChecks {

    private static final String BAR_EVENTS = types("BarsIngestedEvent", "BarsQuarantinedEvent", "BarCorrectedEvent");

    private MarketChecks() {
    }

    public static final List<Check> BARS = List.of(
            new Check("instrument", types("InstrumentRegisteredEvent"),
                    "select p->>'symbol', 'registered', 'event ' || g, g, g from e",
                    tables -> "select symbol, 'registered', 'event ' || position, position, position from "
                            + tables.name("instrument")),
            new Check("bar", types("BarsIngestedEvent", "BarCorrectedEvent"), "select distinct on (s, d) s, d,"
                    + " 'close ' || c || ' event ' || g, g, g from (select e.p->>'symbol' s, b.v->'bar'->>'date' d,"
                    + " trim_scale((b.v->'bar'->>'close')::numeric) c, e.g from e cross join lateral"
                    + " jsonb_array_elements(e.p->'bars') b(v) where e.t = 'BarsIngestedEvent' union all"
                    + " select e.p->>'symbol', e.p->'corrected'->>'date', trim_scale((e.p->'corrected'->>'close')"
                    + "::numeric), e.g from e where e.t = 'BarCorrectedEvent' and e.p->>'verdict' <> 'REJECTED')"
                    + " x order by s, d, g desc",
                    tables -> "select symbol, bar_date::text, 'close ' || trim_scale(close) || ' event ' || position,"
                            + " position, position from " + tables.name("bar")),
            new Check("corporate action", types("SplitRecordedEvent", "CashDividendRecordedEvent"),
                    "select p->>'symbol', 'event ' || g, case t when 'SplitRecordedEvent' then 'SPLIT'"
                            + " else 'DIVIDEND' end, g, g from e",
                    tables -> "select symbol, 'event ' || position, kind, position, position from "
                            + tables.name("corporate_action")));

    public static final List<Check> QUALITY = List.of(
            new Check("issue", BAR_EVENTS, "select e.p->>'symbol', 'event ' || e.g || ' item ' || (b.n - 1),"
                    + " case e.t when 'BarsQuarantinedEvent' then 'REJECTED QUARANTINED'"
                    + " else (b.v->>'verdict') || ' INGESTED' end, e.g, e.g from e cross join lateral"
                    + " jsonb_array_elements(e.p->'bars') with ordinality b(v, n) where e.t = 'BarsQuarantinedEvent'"
                    + " or e.t = 'BarsIngestedEvent' and b.v->>'verdict' <> 'ACCEPTED' union all"
                    + " select e.p->>'symbol', 'event ' || e.g || ' item 0', (e.p->>'verdict') || ' CORRECTED', e.g,"
                    + " e.g from e where e.t = 'BarCorrectedEvent'",
                    tables -> "select symbol, 'event ' || position || ' item ' || item, verdict || ' ' || origin,"
                            + " position, position from " + tables.name("quality_issue")),
            new Check("verdict count", BAR_EVENTS, "select s, 'verdict ' || v, count(*) || ' bars, '"
                    + " || count(*) filter (where c) || ' corrections', max(g), null from ("
                    + " select e.p->>'symbol' s, b.v->>'verdict' v, false c, e.g from e cross join lateral"
                    + " jsonb_array_elements(e.p->'bars') b(v) where e.t = 'BarsIngestedEvent' union all"
                    + " select e.p->>'symbol', 'REJECTED', false, e.g from e cross join lateral"
                    + " jsonb_array_elements(e.p->'bars') b(v) where e.t = 'BarsQuarantinedEvent' union all"
                    + " select e.p->>'symbol', e.p->>'verdict', true, e.g from e where e.t = 'BarCorrectedEvent')"
                    + " x group by s, v",
                    tables -> "select symbol, 'verdict ' || verdict, bars || ' bars, ' || corrections"
                            + " || ' corrections', last_position, null from " + tables.name("quality_count")
                            + " where rule = ''"),
            new Check("staleness", types("PricesWentStaleEvent"),
                    "select p->>'symbol', 'event ' || g, 'checked ' || (p->>'checkedOn'), g, g from e",
                    tables -> "select symbol, 'event ' || position, 'checked ' || checked_on, position, position from "
                            + tables.name("quality_staleness")));

    public static final List<Check> INGESTION_RUNS = List.of(
            new Check("run", types("IngestionRunStartedEvent", "IngestionRunCompletedEvent",
                    "IngestionRunFailedEvent"), "select p->>'runId', 'status', coalesce((array_agg(case t"
                    + " when 'IngestionRunCompletedEvent' then 'COMPLETED' else 'FAILED' end order by g desc)"
                    + " filter (where t <> 'IngestionRunStartedEvent'))[1], 'RUNNING'), max(g), null from e"
                    + " group by p->>'runId' having bool_or(t = 'IngestionRunStartedEvent')",
                    tables -> "select run_id, 'status', status, last_position, null from "
                            + tables.name("ingestion_run")),
            new Check("run symbol", types("IngestionRunProgressedEvent"), "select distinct on (k, s) k, s, v, g, g"
                    + " from (select p->>'runId' k, 'symbol ' || (p->>'symbol') s, concat_ws(' ', 'received',"
                    + " p->>'received', 'accepted', p->>'accepted', 'flagged', p->>'flagged', 'rejected',"
                    + " p->>'rejected', 'duplicates', p->>'duplicates', 'corrected', p->>'corrected') v, g"
                    + " from e) x order by k, s, g desc",
                    tables -> "select run_id, 'symbol ' || symbol, concat_ws(' ', 'received', received, 'accepted',"
                            + " accepted, 'flagged', flagged, 'rejected', rejected, 'duplicates', duplicates,"
                            + " 'corrected', corrected), position, position from "
                            + tables.name("ingestion_run_symbol")),
            new Check("attempt", types("IngestionAttemptFailedEvent"), "select p->>'runId', 'event ' || g,"
                    + " 'attempt ' || (p->>'attempt') || ' ' || (p->>'nextStep'), g, g from e",
                    tables -> "select run_id, 'event ' || position, 'attempt ' || attempt || ' ' || next_step,"
                            + " position, position from " + tables.name("ingestion_attempt")));
}
