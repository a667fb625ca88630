package dev.finflow.ml.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The real series and R's results committed under src/test/resources/arima (see reference.R there). */
final class ReferenceSeries {

    private ReferenceSeries() {
    }

    /** Adjusted closes of a symbol, oldest first. */
    static double[] closes(String symbol) {
        return lines(symbol + ".csv").stream().mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
    }

    static double[] logReturns(String symbol) {
        double[] closes = closes(symbol);
        double[] out = new double[closes.length - 1];
        for (int t = 1; t < closes.length; t++) {
            out[t - 1] = Math.log(closes[t]) - Math.log(closes[t - 1]);
        }
        return out;
    }

    static double[] series(String symbol, String kind) {
        double[] returns = logReturns(symbol);
        if (kind.equals("absreturns")) {
            for (int i = 0; i < returns.length; i++) {
                returns[i] = Math.abs(returns[i]);
            }
        }
        return returns;
    }

    /** One row of reference.csv: an R fit. */
    record RFit(String symbol, String series, Order order, Method method, double[] ar, double[] ma,
                double intercept, double sigma2, double logLik) {

        @Override
        public String toString() {
            return symbol + " " + series + " " + order + " " + method;
        }
    }

    static List<RFit> rFits() {
        List<RFit> fits = new ArrayList<>();
        for (String line : lines("reference.csv")) {
            String[] f = line.split(",");
            Order order = new Order(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]));
            double[] ar = new double[order.p()];
            for (int i = 0; i < order.p(); i++) {
                ar[i] = Double.parseDouble(f[6 + i]);
            }
            double[] ma = order.q() == 0 ? new double[0] : new double[] {Double.parseDouble(f[8])};
            fits.add(new RFit(f[0], f[1], order, Method.valueOf(f[5]), ar, ma, Double.parseDouble(f[9]),
                    Double.parseDouble(f[10]), Double.parseDouble(f[11])));
        }
        return fits;
    }

    private static List<String> lines(String name) {
        var stream = Objects.requireNonNull(ReferenceSeries.class.getResourceAsStream("/arima/" + name), name);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
