package dev.finflow.ml.models;

import dev.finflow.ml.arima.Arima;
import dev.finflow.ml.arima.ArimaForecast;
import dev.finflow.ml.arima.ArimaModel;
import dev.finflow.ml.arima.ArimaOrderSelection;
import dev.finflow.ml.arima.Method;
import dev.finflow.ml.arima.Order;
import dev.finflow.ml.features.FeatureRow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARIMA as a registry model: the order chosen by AIC over a grid on the training series (log returns with d = 0,
 * or log closes with d = 1), estimated by exact ML, then conditioned on the history known at each origin. The
 * artifact is the training series; restoring refits the registered order only (ML is deterministic), which gives
 * the registered coefficients back without searching the grid again.
 */
final class ArimaModels {

    private static final Pattern ORDER = Pattern.compile("\"p\":(\\d+),\"d\":(\\d+),\"q\":(\\d+)");

    private ArimaModels() {
    }

    record Trainer(double level) implements ModelTrainer {

        @Override
        public ModelKind kind() {
            return ModelKind.ARIMA;
        }

        @Override
        public boolean supports(Target target) {
            return target == Target.LOG_RETURN || target == Target.CLOSE;
        }

        @Override
        public ForecastModel train(List<FeatureRow> rows, Target target) {
            double[] y = transform(Series.upTo(rows, rows.size() - 1, target), target);
            List<Order> grid = target == Target.CLOSE ? Order.grid(1, 1, 1) : Order.grid(2, 0, 2);
            return new Model(target, ArimaOrderSelection.byAic(y, grid), y, level);
        }

        @Override
        public ForecastModel restore(Target target, String params, byte[] artifact) {
            Matcher m = ORDER.matcher(params);
            if (!m.find()) {
                throw new IllegalStateException("stored ARIMA params name no order: " + params);
            }
            Order order = new Order(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            double[] y = Series.values(artifact);
            return new Model(target, Arima.fit(y, order, Method.ML), y, level);
        }
    }

    /** Closes are modelled on the log scale (forecasts mapped back with exp: the median, exact intervals). */
    private static double[] transform(double[] values, Target target) {
        return target == Target.CLOSE ? Arrays.stream(values).map(Math::log).toArray() : values;
    }

    record Model(Target target, ArimaModel arima, double[] training, double level) implements ForecastModel {

        @Override
        public ModelKind kind() {
            return ModelKind.ARIMA;
        }

        @Override
        public Prediction predict(List<FeatureRow> rows, int origin, int horizon) {
            double[] history = transform(Series.upTo(rows, origin, target), target);
            return prediction(arima.conditionedOn(history), horizon);
        }

        /** Ascending origins share one history: one filter pass gives the state at each (same numbers as predict). */
        @Override
        public List<Prediction> predictAll(List<FeatureRow> rows, int[] origins, int horizon) {
            for (int i = 1; i < origins.length; i++) {
                if (origins[i] < origins[i - 1]) {
                    return ForecastModel.super.predictAll(rows, origins, horizon);
                }
            }
            if (origins.length == 0) {
                return List.of();
            }
            double[] history = transform(Series.upTo(rows, origins[origins.length - 1], target), target);
            int[] lengths = new int[origins.length];
            for (int i = 0; i < origins.length; i++) {
                lengths[i] = Series.count(origins[i], target);
            }
            return arima.conditionedOnPrefixes(history, lengths).stream().map(m -> prediction(m, horizon)).toList();
        }

        private Prediction prediction(ArimaModel conditioned, int horizon) {
            ArimaForecast f = conditioned.forecast(horizon, level);
            double mean = f.mean()[horizon - 1];
            double lower = f.lower()[horizon - 1];
            double upper = f.upper()[horizon - 1];
            return target == Target.CLOSE ? new Prediction(Math.exp(mean), Math.exp(lower), Math.exp(upper))
                    : new Prediction(mean, lower, upper);
        }

        @Override
        public String params() {
            Order o = arima.order();
            return String.format(Locale.ROOT, "{\"p\":%d,\"d\":%d,\"q\":%d,\"ar\":%s,\"ma\":%s,\"constant\":%s,"
                            + "\"sigma2\":%s,\"aic\":%s,\"logScale\":%s,\"intervalLevel\":%s}", o.p(), o.d(), o.q(),
                    Arrays.toString(arima.ar()), Arrays.toString(arima.ma()), arima.constant(), arima.sigma2(),
                    Double.isFinite(arima.aic()) ? arima.aic() : "null", target == Target.CLOSE, level);
        }

        @Override
        public byte[] artifact() {
            return Series.bytes(training);
        }
    }
}
