package dev.finflow.ml.arima;

import java.util.ArrayList;
import java.util.List;

/**
 * The (p, d, q) of an ARIMA model: AR order, number of differences, MA order. Every model Finflow fits
 * also carries a constant (the mean for d = 0, the drift for d = 1, as R's {@code include.mean} on the
 * differenced series).
 */
public record Order(int p, int d, int q) {

    public Order {
        if (p < 0 || d < 0 || q < 0 || d > 2 || p > 10 || q > 10) {
            throw new IllegalArgumentException("unsupported ARIMA order (" + p + "," + d + "," + q + ")");
        }
    }

    /** Every order with p in 0..maxP and q in 0..maxQ for one fixed d: the usual AIC search grid. */
    public static List<Order> grid(int maxP, int d, int maxQ) {
        List<Order> orders = new ArrayList<>();
        for (int p = 0; p <= maxP; p++) {
            for (int q = 0; q <= maxQ; q++) {
                orders.add(new Order(p, d, q));
            }
        }
        return List.copyOf(orders);
    }

    @Override
    public String toString() {
        return "ARIMA(" + p + "," + d + "," + q + ")";
    }
}
