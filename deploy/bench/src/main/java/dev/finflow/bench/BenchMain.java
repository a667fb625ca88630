package dev.finflow.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar finflow-bench.jar <benchmark> [options]}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar finflow-bench.jar ledger [--url U] [--jdbc J] [--seconds S] "
                    + "[--clients 1,8,32] [--accounts N]\n"
                    + "       query-generate|query-scan|query-rebuild|query-lag|query-holdings (see deploy/bench/query.sh)\n"
                    + "       bars [--jdbc J] [--url U] [--bars N] [--batch B] (see deploy/bench/bars.sh)");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ledger" -> LedgerBench.run(Options.parse(rest));
            case "bars" -> BarsBench.run(Options.parse(rest));
            case "query-generate" -> LedgerEventGenerator.run(Options.parse(rest));
            case "query-scan" -> QueryBench.scan(Options.parse(rest));
            case "query-rebuild" -> QueryBench.rebuild(Options.parse(rest));
            case "query-lag" -> QueryBench.lag(Options.parse(rest));
            case "query-holdings" -> QueryBench.holdings(Options.parse(rest));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
