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
                    + "       java -jar finflow-bench.jar forecast-skill [--data CSV] [--symbols AAPL,...] "
                    + "[--initial 250] [--refit 20] [--horizon 5]\n"
                    + "       java -jar finflow-bench.jar forecast [--data CSV] [--synthetic 500] [--days 750] "
                    + "[--threads 2] [--epochs 30] [--hidden 16] [--seed 42]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ledger" -> LedgerBench.run(Options.parse(rest));
            case "forecast-skill" -> ForecastSkillBench.run(Options.parse(rest));
            case "forecast" -> ForecastBench.run(Options.parse(rest));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
