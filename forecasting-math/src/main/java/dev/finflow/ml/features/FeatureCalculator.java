package dev.finflow.ml.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes feature set {@link #VERSION} over a symbol's bars in date order. Each row reads only its own bar and
 * earlier ones, so appending later bars never changes an earlier row; the exponential averages are recursive,
 * so a changed bar changes its own row and every later one, which is exactly what the projection rewrites.
 */
public final class FeatureCalculator {

    /** Bump when a definition below changes: rows of another version are never mixed into one model. */
    public static final int VERSION = 1;

    private FeatureCalculator() {
    }

    public static List<FeatureRow> compute(String symbol, List<PricePoint> bars) {
        int n = bars.size();
        double[] close = new double[n];
        double[] ret = new double[n];
        for (int i = 0; i < n; i++) {
            close[i] = bars.get(i).close();
            ret[i] = i == 0 ? Double.NaN : Math.log(close[i] / close[i - 1]);
        }
        double[] ema12 = Windows.ema(close, 12);
        double[] ema26 = Windows.ema(close, 26);
        double[] macd = new double[n];
        for (int i = 0; i < n; i++) {
            macd[i] = ema12[i] - ema26[i];
        }
        double[] signal = Windows.ema(macd, 9);
        double[] rsi = Windows.rsi(close, 14);
        List<FeatureRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Double sma20 = Windows.mean(close, i, 20);
            Double sd20 = Windows.std(close, i, 20, false);
            PricePoint bar = bars.get(i);
            rows.add(new FeatureRow(symbol, bar.date(), VERSION, close[i], Windows.orNull(ret[i]), sma20,
                    Windows.mean(close, i, 50), Windows.orNull(ema12[i]), Windows.orNull(ema26[i]),
                    Windows.orNull(macd[i]), Windows.orNull(signal[i]), Windows.orNull(rsi[i]),
                    sma20 == null ? null : sma20 + 2 * sd20, sma20 == null ? null : sma20 - 2 * sd20,
                    i < 20 ? null : Windows.std(ret, i, 20, true), volumeZ(bars, i), bar.position(), false));
        }
        return rows;
    }

    /** Today's volume against the 20 days before it: today's spike is judged by history, not by itself. */
    private static Double volumeZ(List<PricePoint> bars, int i) {
        if (i < 20) {
            return null;
        }
        double[] previous = new double[20];
        for (int k = 0; k < 20; k++) {
            previous[k] = bars.get(i - 20 + k).volume();
        }
        double mean = Windows.mean(previous, 19, 20);
        double sd = Windows.std(previous, 19, 20, true);
        return sd == 0 ? 0.0 : (bars.get(i).volume() - mean) / sd;
    }
}
