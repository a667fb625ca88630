package dev.finflow.ml.features;

import java.time.LocalDate;

/**
 * The features of one symbol on one day, computed only from that day's bar and earlier ones. A {@code null} is a
 * feature whose window is not yet full (no look-ahead, no padding). Doubles: features feed models, they are not
 * money; the close itself stays exact in the {@code bar} table.
 *
 * @param realizedVol20 daily (not annualized) sample standard deviation of the last 20 log returns
 * @param volumeZ20     today's volume against the previous 20 days' mean and standard deviation
 * @param position      global index of the event whose bar change last recomputed this row (lineage)
 */
public record FeatureRow(String symbol, LocalDate date, int version, double close, Double logReturn,
                         Double sma20, Double sma50, Double ema12, Double ema26, Double macd, Double macdSignal,
                         Double rsi14, Double bollingerUpper, Double bollingerLower, Double realizedVol20,
                         Double volumeZ20, long position) {

    /** The same features attributed to another event (used when a recompute rewrites the row). */
    public FeatureRow at(long newPosition) {
        return new FeatureRow(symbol, date, version, close, logReturn, sma20, sma50, ema12, ema26, macd, macdSignal,
                rsi14, bollingerUpper, bollingerLower, realizedVol20, volumeZ20, newPosition);
    }

    /** True when every feature equals the other row's, whatever event produced them. */
    public boolean sameFeaturesAs(FeatureRow other) {
        return at(0).equals(other.at(0));
    }
}
