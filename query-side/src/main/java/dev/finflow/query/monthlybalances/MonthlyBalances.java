package dev.finflow.query.monthlybalances;

import dev.finflow.problems.RuleViolation;
import dev.finflow.query.api.QueryRule;

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

    record Balance(String asset, String kind, YearMonth month, BigDecimal opening, BigDecimal inflows,
                   BigDecimal outflows, BigDecimal closing) {
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

        boolean isBefore(Balance balance) {
            int byAsset = asset.compareTo(balance.asset());
            return byAsset < 0 || (byAsset == 0 && month.isBefore(balance.month()));
        }
    }

    private MonthlyBalances() {
    }

    /** Flows ordered by asset and month in, balances from {@code from} to {@code to} out (nulls: all). */
    static List<Balance> of(List<Flow> flows, YearMonth from, YearMonth to) {
        YearMonth end = to;
        if (end == null) {
            end = flows.stream().map(Flow::month).max(YearMonth::compareTo).orElse(null);
        }
        Map<String, List<Flow>> byAsset = new LinkedHashMap<>();
        flows.forEach(flow -> byAsset.computeIfAbsent(flow.asset(), k -> new ArrayList<>()).add(flow));
        List<Balance> balances = new ArrayList<>();
        for (List<Flow> assetFlows : byAsset.values()) {
            BigDecimal balance = BigDecimal.ZERO;
            int next = 0;
            Flow firstFlow = assetFlows.get(0);
            for (YearMonth month = firstFlow.month(); end != null && !month.isAfter(end); month = month.plusMonths(1)) {
                BigDecimal in = BigDecimal.ZERO;
                BigDecimal out = BigDecimal.ZERO;
                if (next < assetFlows.size() && assetFlows.get(next).month().equals(month)) {
                    in = assetFlows.get(next).inflows();
                    out = assetFlows.get(next).outflows();
                    next++;
                }
                BigDecimal closing = balance.add(in).subtract(out);
                if (from == null || !month.isBefore(from)) {
                    balances.add(new Balance(firstFlow.asset(), firstFlow.kind(), month, balance, in, out, closing));
                }
                balance = closing;
            }
        }
        return balances;
    }
}
