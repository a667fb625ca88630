package dev.finflow.bench;

import dev.finflow.ml.evaluation.DieboldMariano;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.features.FeatureRows;
import dev.finflow.ml.intervals.CalibratedIntervals;
import dev.finflow.ml.intervals.ConformalQuantile;
import dev.finflow.ml.intervals.Coverage;
import dev.finflow.ml.intervals.Volatility;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.ModelCatalog;
import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.ModelTrainer;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.models.lstm.LstmSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The ml-projector's training pipeline outside the service, as its forecasting cycle runs it per symbol: features
 * from bars, every model family trained on the older 80% of the rows, scored one day ahead on the newest 20% it
 * never saw, then forecasting from the last day. Part 1 on the real series (skill and time per symbol), part 2 on
 * N synthetic GARCH series (time to forecast them all).
 */
final class ForecastBench {

    private ForecastBench() {
    }

    record Result(String symbol, Target target, ModelKind kind, double trainSeconds, double forecastMillis,
                  double[] errors, Coverage[] coverage) {

        double mae() {
            return java.util.Arrays.stream(errors).map(Math::abs).average().orElse(Double.NaN);
        }
    }

    static void run(Options options) throws Exception {
        LstmSettings lstm = new LstmSettings(options.getInt("seed", 42), options.getInt("hidden", 16),
                options.getInt("window", 20), options.getInt("epochs", 10), 32, 0.005f, true,
                System.getProperty("user.home") + "/.finflow/djl");
        List<ModelTrainer> trainers = ModelCatalog.all(0.95, lstm);
        System.out.printf(Locale.ROOT, "LSTM: hidden %d, window %d, epochs %d, seed %d; held out: newest 20%%%n",
                lstm.hidden(), lstm.window(), lstm.epochs(), lstm.seed());

        List<PriceTable> real = PriceTable.read(Path.of(options.get("data",
                RealSeries.DEFAULT_FILE)));
        List<Result> results = new ArrayList<>();
        for (PriceTable series : options.get("real", "true").equals("true") ? real : List.<PriceTable>of()) {
            long started = System.nanoTime();
            results.addAll(pipeline(series, trainers, new ArrayList<>()));
            System.out.printf(Locale.ROOT, "%-6s %4d days: all models trained, scored and forecast in %.1f s%n",
                    series.symbol(), series.dates().size(), (System.nanoTime() - started) / 1e9);
        }
        if (!results.isEmpty()) {
            SkillReport.print(results);
        }

        int synthetic = options.getInt("synthetic", 500);
        int threads = options.getInt("threads", 2);
        if (synthetic > 0) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<PriceTable> tables = new ArrayList<>();
            List<List<Stored>> stored = new ArrayList<>();
            long started = System.nanoTime();
            long cpu = processCpuNanos();
            try {
                List<Future<List<Result>>> runs = new ArrayList<>();
                for (int i = 0; i < synthetic; i++) {
                    PriceTable series = PriceTable.synthetic("SYN" + i, options.getInt("days", 750), 1000L + i);
                    List<Stored> kept = java.util.Collections.synchronizedList(new ArrayList<>());
                    tables.add(series);
                    stored.add(kept);
                    runs.add(pool.submit(() -> pipeline(series, trainers, kept)));
                }
                for (Future<List<Result>> run : runs) {
                    run.get();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
                System.out.printf(Locale.ROOT, "%nsynthetic: %d symbols x %d days, %d threads: trained, scored,"
                                + " calibrated and forecast in %.1f s (%.2f s per symbol; target: 500 within 300 s);"
                                + " process CPU %.1f s (%.3f CPU s per symbol)%n", synthetic,
                        options.getInt("days", 750), threads, seconds, seconds / synthetic, cpuSeconds,
                        cpuSeconds / synthetic);
                started = System.nanoTime();
                cpu = processCpuNanos();
                List<Future<Double>> days = new ArrayList<>();
                for (int i = 0; i < synthetic; i++) {
                    PriceTable series = tables.get(i);
                    List<Stored> kept = stored.get(i);
                    days.add(pool.submit(() -> daily(series, trainers, kept)));
                }
                for (Future<Double> day : days) {
                    day.get();
                }
                seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "daily forecast from stored models: %d symbols, every one of their"
                                + " %d models restored and forecast with calibrated intervals in %.1f s (target: 500"
                                + " within 30 s); process CPU %.1f s%n", synthetic, stored.get(0).size(), seconds,
                        (processCpuNanos() - cpu) / 1e9);
            } finally {
                pool.shutdownNow(); // a failed symbol must not leave the JVM waiting on idle workers
            }
        }
    }

    /**
     * CPU time of the whole process (all threads): unlike wall time it hardly depends on what else shares the cores,
     * so it gives a figure when the machine is busy (wall time on 2 idle cores is at least CPU / 2).
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A trained model as the registry would store it, for the daily forecast from stored champions. */
    record Stored(ModelKind kind, Target target, String params, byte[] artifact, double[] quantiles) {
    }

    /**
     * As the service's ModelTraining: every model trained on the older 80%, scored on the newest 20% at every
     * horizon with its calibrated interval (quantile of volatility-scaled errors, walk-forward coverage), then a
     * forecast from the last day. {@code stored} receives what the registry would keep.
     */
    static List<Result> pipeline(PriceTable series, List<ModelTrainer> trainers, List<Stored> stored) {
        List<FeatureRow> rows = FeatureRows.of(series.symbol(), series.dates(), series.closes(), series.volumes());
        int heldOut = Math.max(20, (int) Math.round(rows.size() * 0.2));
        int split = rows.size() - heldOut;
        double[] sigma = Volatility.path(rows.stream().mapToDouble(r -> r.logReturn() == null ? Double.NaN
                : r.logReturn()).toArray());
        List<Result> results = new ArrayList<>();
        for (Target target : Target.values()) {
            for (ModelTrainer trainer : trainers) {
                if (!trainer.supports(target)) {
                    continue;
                }
                long t0 = System.nanoTime();
                try (ForecastModel model = trainer.train(rows.subList(0, split), target)) {
                    long t1 = System.nanoTime();
                    int horizons = target.maxHorizon(5);
                    double[] quantiles = new double[horizons];
                    Coverage[] coverage = new Coverage[horizons];
                    double[] errors = null;
                    for (int h = 1; h <= horizons; h++) {
                        Calibrated c = calibrate(model, rows, split, sigma, h);
                        quantiles[h - 1] = c.quantile();
                        coverage[h - 1] = c.coverage();
                        errors = h == 1 ? c.errors() : errors;
                    }
                    forecast(model, rows, sigma, quantiles);
                    long t2 = System.nanoTime();
                    stored.add(new Stored(trainer.kind(), target, model.params(), model.artifact(), quantiles));
                    results.add(new Result(series.symbol(), target, trainer.kind(), (t1 - t0) / 1e9,
                            (t2 - t1) / 1e6, errors, coverage));
                }
            }
        }
        return results;
    }

    private record Calibrated(double[] errors, double quantile, Coverage coverage) {
    }

    private static Calibrated calibrate(ForecastModel model, List<FeatureRow> rows, int split, double[] sigma, int h) {
        Target target = model.target();
        int[] origins = IntStream.rangeClosed(split - 1, rows.size() - 1 - h).toArray();
        List<Prediction> predictions = model.predictAll(rows, origins, h);
        double[] points = new double[origins.length];
        double[] actuals = new double[origins.length];
        double[] scales = new double[origins.length];
        double[] scaled = new double[origins.length];
        double[] errors = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            points[i] = predictions.get(i).point();
            actuals[i] = target.actual(rows, origins[i], h);
            errors[i] = actuals[i] - points[i];
            scales[i] = scale(sigma, rows, origins[i], target, h);
            scaled[i] = Math.abs(errors[i]) / scales[i];
        }
        Coverage coverage = CalibratedIntervals.walkForward(origins, points, actuals, scales, h, 0.95, 250)
                .coverage();
        return new Calibrated(errors, ConformalQuantile.of(scaled, 0.95), coverage);
    }

    private static double scale(double[] sigma, List<FeatureRow> rows, int origin, Target target, int h) {
        return Volatility.scale(sigma[origin], h, target == Target.CLOSE ? rows.get(origin).close() : 1);
    }

    /** The day's forecasts of one model with calibrated intervals, as the service stores them. */
    static double forecast(ForecastModel model, List<FeatureRow> rows, double[] sigma, double[] quantiles) {
        int origin = rows.size() - 1;
        double check = 0;
        for (int h = 1; h <= quantiles.length; h++) {
            Prediction p = model.predict(rows, origin, h);
            double half = quantiles[h - 1] * scale(sigma, rows, origin, model.target(), h);
            check += p.point() + half + p.lower();
        }
        return check;
    }

    /** The daily job from stored models: restore each (no training) and forecast every horizon from the last day. */
    static double daily(PriceTable series, List<ModelTrainer> trainers, List<Stored> stored) {
        List<FeatureRow> rows = FeatureRows.of(series.symbol(), series.dates(), series.closes(), series.volumes());
        double[] sigma = Volatility.path(rows.stream().mapToDouble(r -> r.logReturn() == null ? Double.NaN
                : r.logReturn()).toArray());
        double check = 0;
        for (Stored s : stored) {
            ModelTrainer trainer = trainers.stream().filter(t -> t.kind() == s.kind()).findFirst().orElseThrow();
            try (ForecastModel model = trainer.restore(s.target(), s.params(), s.artifact())) {
                check += forecast(model, rows, sigma, s.quantiles());
            }
        }
        return check;
    }

    /** The skill table: each model's held-out MAE against its target's baseline, with a DM p-value. */
    static final class SkillReport {

        private SkillReport() {
        }

        static void print(List<Result> results) {
            System.out.printf(Locale.ROOT, "%n%-6s %-10s %-11s %9s %9s %10s %7s %8s %8s%n", "symbol", "target",
                    "model", "train s", "fcst ms", "MAE", "ratio", "DM p", "vs");
            Map<Target, Map<ModelKind, double[]>> sums = new EnumMap<>(Target.class);
            for (Result r : results) {
                ModelKind baseKind = r.target() == Target.ABS_RETURN ? ModelKind.YESTERDAY : ModelKind.RANDOM_WALK;
                Result base = results.stream().filter(b -> b.symbol().equals(r.symbol()) && b.target() == r.target()
                        && b.kind() == baseKind).findFirst().orElseThrow();
                double p = r == base ? Double.NaN : DieboldMariano.test(r.errors(), base.errors(), 1,
                        DieboldMariano.Loss.ABSOLUTE).pValue();
                System.out.printf(Locale.ROOT, "%-6s %-10s %-11s %9.3f %9.1f %10.6f %7.3f %8.4f %8s%n", r.symbol(),
                        r.target(), r.kind(), r.trainSeconds(), r.forecastMillis(), r.mae(), r.mae() / base.mae(),
                        p, baseKind);
                double[] s = sums.computeIfAbsent(r.target(), t -> new EnumMap<>(ModelKind.class))
                        .computeIfAbsent(r.kind(), k -> new double[3]);
                s[0] += r.mae();
                s[1] += r.mae() / base.mae();
                s[2]++;
            }
            System.out.printf(Locale.ROOT, "%nmean over symbols: %-10s %-11s %10s %10s%n", "target", "model",
                    "MAE", "ratio");
            sums.forEach((target, kinds) -> kinds.forEach((kind, s) -> System.out.printf(Locale.ROOT,
                    "                   %-10s %-11s %10.6f %10.3f%n", target, kind, s[0] / s[2], s[1] / s[2])));
            System.out.printf(Locale.ROOT, "%ncalibrated 95%% intervals on the held-out days (walk-forward, pooled over"
                    + " symbols): target model h n coverage [Wilson 95%%] lowest symbol%n");
            Map<String, Coverage> pooled = new java.util.LinkedHashMap<>();
            Map<String, Double> lowest = new java.util.HashMap<>();
            for (Result r : results) {
                for (int h = 1; h <= r.coverage().length; h++) {
                    String key = String.format(Locale.ROOT, "%-10s %-11s %d", r.target(), r.kind(), h);
                    pooled.merge(key, r.coverage()[h - 1], Coverage::plus);
                    lowest.merge(key, r.coverage()[h - 1].rate(), Math::min);
                }
            }
            pooled.forEach((key, c) -> System.out.printf(Locale.ROOT, "  %s %5d %6.2f%% [%.2f, %.2f] %6.2f%%%n", key,
                    c.n(), 100 * c.rate(), 100 * c.low(), 100 * c.high(), 100 * lowest.get(key)));
            Map<ModelKind, double[]> vol = sums.get(Target.ABS_RETURN);
            if (vol != null && vol.containsKey(ModelKind.LSTM)) {
                double lstmMae = vol.get(ModelKind.LSTM)[0] / vol.get(ModelKind.LSTM)[2];
                double ewmaMae = vol.get(ModelKind.EWMA)[0] / vol.get(ModelKind.EWMA)[2];
                System.out.printf(Locale.ROOT, "%nvolatility: LSTM MAE %.6f vs EWMA %.6f -> %s (target: LSTM <="
                        + " EWMA + 0.01)%n", lstmMae, ewmaMae, lstmMae <= ewmaMae + 0.01 ? "met" : "NOT met");
            }
        }
    }
}
