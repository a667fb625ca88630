package dev.finflow.bench;

import dev.finflow.ml.evaluation.Backtest;
import dev.finflow.ml.evaluation.Evaluation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows of the forecast-skill benchmark, printed as a Markdown table with the targets checked. */
final class SkillTable {

    private record Row(String symbol, ForecastSkillBench.Target target, Evaluation evaluation, Backtest run) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String symbol, ForecastSkillBench.Target target, Evaluation evaluation, Backtest run) {
        rows.add(new Row(symbol, target, evaluation, run));
    }

    void print(PrintStream out, int initial, int refit, int horizon) {
        out.println(ForecastSkillBench.format("Walk-forward, expanding window: first origin after %d values, "
                + "refit every %d origins; close target h = %d days; DM on absolute loss (HLN, two-sided).",
                initial, refit, horizon));
        out.println();
        out.println("| symbol | target | model | baseline | n | MAE | baseline MAE | MAE ratio | DM p | "
                + "coverage (model / baseline) | edge? | target met | fit ms/refit | forecast ms/origin |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            Evaluation e = row.evaluation();
            int refits = (e.forecasts() + refit - 1) / refit;
            out.println(ForecastSkillBench.format("| %s | %s | %s | %s | %d | %.6g | %.6g | %.3f | %.3f | %s | %s | %s | %.1f | %.3f |",
                    row.symbol(), e.target(), e.model(), e.baseline(), e.forecasts(), e.mae(), e.baselineMae(),
                    e.maeRatio(), e.dmPValue(), coverage(e), e.betterThanBaseline() ? "yes" : "no",
                    targetMet(row), row.run().fitNanos() / 1e6 / refits, row.run().predictNanos() / 1e6 / e.forecasts()));
        }
    }

    private static String coverage(Evaluation e) {
        if (Double.isNaN(e.coverage())) {
            return "-";
        }
        String baseline = Double.isNaN(e.baselineCoverage()) ? "-"
                : ForecastSkillBench.format("%.1f%%", 100 * e.baselineCoverage());
        return ForecastSkillBench.format("%.1f%% / %s (nominal %.0f%%)", 100 * e.coverage(), baseline,
                100 * e.level());
    }

    /** Issue 5's targets: volatility ratio to yesterday <= 0.80, return ratio to the random walk <= 1.01. */
    private static String targetMet(Row row) {
        Evaluation e = row.evaluation();
        return switch (row.target()) {
            case RETURN -> e.maeRatio() <= 1.01 ? "yes (<= 1.01)" : "NO (> 1.01)";
            case ABS_RETURN -> e.baseline().startsWith("yesterday")
                    ? (e.maeRatio() <= 0.80 ? "yes (<= 0.80)" : "NO (> 0.80)") : "-";
            case CLOSE -> "-";
        };
    }
}
