package dev.finflow.ml.evaluation;

/**
 * A model's walk-forward result against its baseline on one target: the record the ml-projector stores
 * per model version. A model is called better than its baseline only when its MAE is lower AND the
 * Diebold-Mariano test (absolute loss) rejects equal accuracy at 5%; a lower MAE alone is noise until
 * then.
 *
 * @param maeRatio  model MAE / baseline MAE (below 1 = model more accurate)
 * @param coverage  share of actuals inside the model's intervals (NaN without intervals)
 */
public record Evaluation(String target, String model, String baseline, int horizon, int forecasts,
                         int firstOrigin, int lastOrigin, double mae, double rmse, double mase,
                         double baselineMae, double baselineRmse, double maeRatio, double dmStatistic,
                         double dmPValue, double coverage, double baselineCoverage, double level,
                         boolean betterThanBaseline) {

    public static final double SIGNIFICANCE = 0.05;

    /** Both backtests must come from the same series and plan (same origins). */
    public static Evaluation compare(String target, Backtest model, Backtest baseline) {
        if (!java.util.Arrays.equals(model.origins(), baseline.origins())
                || model.plan().horizon() != baseline.plan().horizon()) {
            throw new IllegalArgumentException("backtests were not made at the same origins and horizon");
        }
        int h = model.plan().horizon();
        DieboldMariano.Result dm = DieboldMariano.test(model.errors(), baseline.errors(), h,
                DieboldMariano.Loss.ABSOLUTE);
        double ratio = model.mae() / baseline.mae();
        boolean better = ratio < 1 && dm.statistic() < 0 && dm.pValue() < SIGNIFICANCE;
        int[] origins = model.origins();
        return new Evaluation(target, model.forecaster(), baseline.forecaster(), h, model.size(), origins[0],
                origins[origins.length - 1], model.mae(), model.rmse(), model.mase(), baseline.mae(),
                baseline.rmse(), ratio, dm.statistic(), dm.pValue(), model.coverage(), baseline.coverage(),
                model.plan().level(), better);
    }
}
