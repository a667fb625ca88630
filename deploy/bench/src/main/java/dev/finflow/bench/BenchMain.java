package dev.finflow.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar finflow-bench.jar <benchmark> [options]}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar finflow-bench.jar <benchmark> [--option value ...]\n"
                    + "benchmarks: ledger, bars, query-generate, query-scan, query-rebuild, query-verify, query-lag, query-holdings, balances, detection, import, runs, forecast-skill, forecast\n"
                    + "Each has a wrapper script in deploy/bench/ that shows its options (see deploy/bench/README.md).");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ledger" -> LedgerBench.run(Options.parse(rest));
            case "bars" -> BarsBench.run(Options.parse(rest));
            case "query-generate" -> LedgerEventGenerator.run(Options.parse(rest));
            case "query-scan" -> QueryBench.scan(Options.parse(rest));
            case "query-rebuild" -> QueryBench.rebuild(Options.parse(rest));
            case "query-verify" -> QueryBench.verify(Options.parse(rest));
            case "query-lag" -> HttpLagBench.run(Options.parse(rest));
            case "query-holdings" -> QueryBench.holdings(Options.parse(rest));
            case "balances" -> BalancesBench.run(Options.parse(rest));
            case "detection" -> DetectionBench.run(Options.parse(rest));
            case "import" -> ImportBench.run(Options.parse(rest));
            case "runs" -> IngestionRunBench.run(Options.parse(rest));
            case "forecast-skill" -> {
                try {
                    ForecastSkillBench.run(Options.parse(rest));
                } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
                    System.err.println("forecast-skill: " + e.getMessage()); // a bad file is no stack trace
                    System.exit(1);
                }
            }
            case "forecast" -> ForecastBench.run(Options.parse(rest));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
