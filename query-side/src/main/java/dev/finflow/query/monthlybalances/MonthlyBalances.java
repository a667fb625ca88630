package dev.finflow.query.monthlybalances;

import dev.finflow.problems.RuleViolation;
import dev.finflow.query.api.QueryRule;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stored monthly flows into balances: per asset, from its first month to the last month of the account
 * (or {@code to}), the closing balance is the running sum of inflows minus outflows, and a month without flows
 * carries the previous closing forward.
 */
final class MonthlyBalances {

    record Flow(String asset, String kind, YearMonth month, BigDecimal inflows, BigDecimal outflows) {
    }

    @Schema(name = "MonthlyBalance")
    record Balance(@Schema(example = "EUR") String asset, @Schema(allowableValues = {"CASH", "SECURITY"}) String kind,
                   @Schema(type = "string", example = "2024-01") YearMonth month, BigDecimal opening,
                   BigDecimal inflows, BigDecimal outflows, BigDecimal closing) {
    }

    /** Keyset position in the (asset, month) order: the last row of the previous page. */
    record Cursor(String asset, YearMonth month) {

        static Cursor parse(String cursor) {
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

        static String of(Balance balance) {
            return balance.asset() + "~" + balance.month();
        }
    }

    private MonthlyBalances() {
    }

    /**
     * Flows ordered by asset and month in; out, at most {@code limit} balances from {@code from} to {@code to}
     * (nulls: all) after the cursor {@code after} (null: from the start). The work is bounded by the flows and the
     * page, never by the calendar: a month before the page is not generated, its flows are only summed into the
     * page's first opening balance, and generation stops once the page is full.
     */
    static List<Balance> page(List<Flow> flows, YearMonth from, YearMonth to, Cursor after, int limit) {
        YearMonth end = to;
        if (end == null) {
            end = flows.stream().map(Flow::month).max(YearMonth::compareTo).orElse(null);
        }
        Map<String, List<Flow>> byAsset = new LinkedHashMap<>();
        flows.forEach(flow -> byAsset.computeIfAbsent(flow.asset(), k -> new ArrayList<>()).add(flow));
        List<Balance> balances = new ArrayList<>();
        for (List<Flow> assetFlows : byAsset.values()) {
            Flow firstFlow = assetFlows.get(0);
            String asset = firstFlow.asset();
            if (end == null || (after != null && asset.compareTo(after.asset()) < 0)) {
                continue;
            }
            YearMonth start = firstFlow.month();
            if (from != null && from.isAfter(start)) {
                start = from;
            }
            if (after != null && asset.equals(after.asset()) && !after.month().isBefore(start)) {
                start = after.month().plusMonths(1);
            }
            BigDecimal balance = BigDecimal.ZERO;
            int next = 0;
            while (next < assetFlows.size() && assetFlows.get(next).month().isBefore(start)) {
                balance = balance.add(assetFlows.get(next).inflows()).subtract(assetFlows.get(next).outflows());
                next++;
            }
            for (YearMonth month = start; !month.isAfter(end); month = month.plusMonths(1)) {
                if (balances.size() >= limit) {
                    return balances;
                }
                BigDecimal in = BigDecimal.ZERO;
                BigDecimal out = BigDecimal.ZERO;
                if (next < assetFlows.size() && assetFlows.get(next).month().equals(month)) {
                    in = assetFlows.get(next).inflows();
                    out = assetFlows.get(next).outflows();
                    next++;
                }
                BigDecimal closing = balance.add(in).subtract(out);
                balances.add(new Balance(asset, firstFlow.kind(), month, balance, in, out, closing));
                balance = closing;
            }
        }
        return balances;
    }
}
