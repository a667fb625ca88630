package dev.finflow.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar finflow-bench.jar <benchmark> [options]}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar finflow-bench.jar ledger [--url U] [--jdbc J] [--seconds S] "
                    + "[--clients 1,8,32] [--accounts N]\n       java -jar finflow-bench.jar detection [--url U] [--copies 8] "
                    + "[--per-type 2] [--seed 42]\n       java -jar finflow-bench.jar import [--url U] [--symbols 200] "
                    + "[--years 10] [--batch 2520] [--clients 4]\n       java -jar finflow-bench.jar runs [--url U] [--jdbc J] "
                    + "[--symbols 80] [--years 26] [--runs 2]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ledger" -> LedgerBench.run(Options.parse(rest));
            case "detection" -> DetectionBench.run(Options.parse(rest));
            case "import" -> ImportBench.run(Options.parse(rest));
            case "runs" -> IngestionRunBench.run(Options.parse(rest));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
