package dev.finflow.query.monthlybalances.projection;

import dev.finflow.problems.RuleViolation;
import dev.finflow.query.api.QueryRule;
import dev.finflow.query.holdings.projection.HoldingsKnownAt;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns stored monthly flows into balances: per asset, from its first month to the last month of the account
 * (or {@code to}), the closing balance is the running sum of inflows minus outflows, and a month without flows
 * carries the previous closing forward.
 */
public final class MonthlyBalances {

    public record Flow(String asset, String kind, YearMonth month, BigDecimal inflows, BigDecimal outflows) {
    }

    @Schema(name = "MonthlyBalance")
    public record Balance(@Schema(example = "EUR") String asset,
                          @Schema(allowableValues = {"CASH", "SECURITY"}) String kind,
                          @Schema(type = "string", example = "2024-01") YearMonth month, BigDecimal opening,
                          BigDecimal inflows, BigDecimal outflows, BigDecimal closing) {
    }

    /** Keyset position in the (asset, month) order: the last row of the previous page. */
    public record Cursor(String asset, YearMonth month) {

        public static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            int split = cursor.lastIndexOf('~');
            try {
                return new Cursor(cursor.substring(0, split), YearMonth.parse(cursor.substring(split + 1)));
            } catch (IndexOutOfBoundsException | DateTimeParseException e) {
                throw new RuleViolation(QueryRule.INVALID_CURSOR, "cursor must be the nextCursor of a previous page, "
                        + "was '" + cursor + "'", "cursor");
            }
        }

        public static String of(Balance balance) {
            return balance.asset() + "~" + balance.month();
        }
    }

    private MonthlyBalances() {
    }

    /** Legs summed per asset and month into flows, ordered by asset and month (as the stored flows are read). */
    public static List<Flow> flows(List<HoldingsKnownAt.KnownLeg> legs) {
        Map<String, String> kinds = new HashMap<>();
        Map<String, TreeMap<YearMonth, BigDecimal[]>> sums = new TreeMap<>();
        for (HoldingsKnownAt.KnownLeg leg : legs) {
            kinds.put(leg.asset(), leg.kind());
            BigDecimal[] sum = sums.computeIfAbsent(leg.asset(), k -> new TreeMap<>()).computeIfAbsent(
                    YearMonth.from(leg.effectiveDate()), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            if (leg.quantity().signum() >= 0) {
                sum[0] = sum[0].add(leg.quantity());
            } else {
                sum[1] = sum[1].add(leg.quantity().negate());
            }
        }
        List<Flow> flows = new ArrayList<>();
        sums.forEach((asset, months) -> months.forEach((month, sum) -> flows.add(new Flow(asset, kinds.get(asset),
                month, sum[0], sum[1]))));
        return flows;
    }

    /** What an account holds of one asset: its kind and the months of its first and last flows. */
    public record Span(String asset, String kind, YearMonth first, YearMonth last) {
    }

    /** The months {@code start..stop} of one asset that a page shows. */
    public record Range(String asset, String kind, YearMonth start, YearMonth stop) {
    }

    /**
     * Which months of which assets a page of at most {@code limit} balances shows, from {@code from} to {@code to}
     * (nulls: all) after the cursor {@code after} (null: from the start), worked out from the assets' spans
     * (ordered by asset) alone. An asset's months run from its first flow to the account's last month (or
     * {@code to}); the page never looks at the months before its own.
     */
    public static List<Range> plan(List<Span> spans, YearMonth from, YearMonth to, Cursor after, int limit) {
        YearMonth end = to != null ? to : spans.stream().map(Span::last).max(YearMonth::compareTo).orElse(null);
        List<Range> ranges = new ArrayList<>();
        long left = limit;
        for (Span span : spans) {
            if (end == null || left == 0) {
                break;
            }
            if (after != null && span.asset().compareTo(after.asset()) < 0) {
                continue;
            }
            YearMonth start = span.first();
            if (from != null && from.isAfter(start)) {
                start = from;
            }
            if (after != null && span.asset().equals(after.asset()) && !after.month().isBefore(start)) {
                start = after.month().plusMonths(1);
            }
            if (start.isAfter(end)) {
                continue;
            }
            long months = Math.min(start.until(end, ChronoUnit.MONTHS) + 1, left);
            ranges.add(new Range(span.asset(), span.kind(), start, start.plusMonths(months - 1)));
            left -= months;
        }
        return ranges;
    }

    /**
     * The balances of planned ranges: a range opens with the sum of its asset's flows before its start
     * ({@code openings}, zero when absent); {@code flows} are those within the ranges, ordered by asset and month.
     * A month without flows carries the previous closing forward.
     */
    public static List<Balance> fill(List<Range> ranges, Map<String, BigDecimal> openings, List<Flow> flows) {
        Map<String, Map<YearMonth, Flow>> byAsset = new HashMap<>();
        flows.forEach(flow -> byAsset.computeIfAbsent(flow.asset(), k -> new HashMap<>()).put(flow.month(), flow));
        List<Balance> balances = new ArrayList<>();
        for (Range range : ranges) {
            Map<YearMonth, Flow> months = byAsset.getOrDefault(range.asset(), Map.of());
            BigDecimal balance = openings.getOrDefault(range.asset(), BigDecimal.ZERO);
            for (YearMonth month = range.start(); !month.isAfter(range.stop()); month = month.plusMonths(1)) {
                Flow flow = months.get(month);
                BigDecimal in = flow == null ? BigDecimal.ZERO : flow.inflows();
                BigDecimal out = flow == null ? BigDecimal.ZERO : flow.outflows();
                BigDecimal closing = balance.add(in).subtract(out);
                balances.add(new Balance(range.asset(), range.kind(), month, balance, in, out, closing));
                balance = closing;
            }
        }
        return balances;
    }

    /**
     * A page from all of an account's flows in memory (ordered by asset and month): the same plan and fill as
     * the stored path, with the spans and openings summed here.
     */
    public static List<Balance> page(List<Flow> flows, YearMonth from, YearMonth to, Cursor after, int limit) {
        Map<String, Span> spans = new LinkedHashMap<>();
        flows.forEach(flow -> spans.merge(flow.asset(), new Span(flow.asset(), flow.kind(), flow.month(), flow.month()),
                (a, b) -> new Span(a.asset(), a.kind(), a.first(), b.last())));
        List<Range> ranges = plan(List.copyOf(spans.values()), from, to, after, limit);
        Map<String, Range> rangeOf = new HashMap<>();
        ranges.forEach(range -> rangeOf.put(range.asset(), range));
        Map<String, BigDecimal> openings = new HashMap<>();
        List<Flow> within = new ArrayList<>();
        for (Flow flow : flows) {
            Range range = rangeOf.get(flow.asset());
            if (range == null || flow.month().isAfter(range.stop())) {
                continue;
            }
            if (flow.month().isBefore(range.start())) {
                openings.merge(flow.asset(), flow.inflows().subtract(flow.outflows()), BigDecimal::add);
            } else {
                within.add(flow);
            }
        }
        return fill(ranges, openings, within);
    }
}
