package dev.finflow.ml.features;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The features of one symbol on one day, computed only from that day's bar and earlier ones. A {@code null} is a
 * feature whose window is not yet full (no look-ahead, no padding), or one that cannot be computed because its
 * inputs are beyond a double (an absurd price such as 1e400 in legacy data): such a row says so with
 * {@code nonFinite}, and models never train on it. Doubles: features feed models, they are not money; the close
 * itself stays exact in the {@code bar} table.
 *
 * @param realizedVol20 daily (not annualized) sample standard deviation of the last 20 log returns
 * @param volumeZ20     today's volume against the previous 20 days' mean and standard deviation
 * @param position      global index of the event whose bar change last recomputed this row (lineage)
 * @param nonFinite     some value could not be computed (infinite or NaN) and is stored as null
 */
@Schema(name = "FeatureRow")
public record FeatureRow(String symbol, LocalDate date, int version, @Schema(types = {"number", "null"}) Double close,
                         @Schema(types = {"number", "null"}) Double logReturn,
                         @Schema(types = {"number", "null"}) Double sma20,
                         @Schema(types = {"number", "null"}) Double sma50,
                         @Schema(types = {"number", "null"}) Double ema12,
                         @Schema(types = {"number", "null"}) Double ema26,
                         @Schema(types = {"number", "null"}) Double macd,
                         @Schema(types = {"number", "null"}) Double macdSignal,
                         @Schema(types = {"number", "null"}) Double rsi14,
                         @Schema(types = {"number", "null"}) Double bollingerUpper,
                         @Schema(types = {"number", "null"}) Double bollingerLower,
                         @Schema(types = {"number", "null"}) Double realizedVol20,
                         @Schema(types = {"number", "null"}) Double volumeZ20, long position,
                         boolean nonFinite) {

    public FeatureRow {
        Double[] values = {close, logReturn, sma20, sma50, ema12, ema26, macd, macdSignal, rsi14, bollingerUpper,
                bollingerLower, realizedVol20, volumeZ20};
        for (Double value : values) {
            nonFinite |= value != null && !Double.isFinite(value);
        }
        close = finite(close);
        logReturn = finite(logReturn);
        sma20 = finite(sma20);
        sma50 = finite(sma50);
        ema12 = finite(ema12);
        ema26 = finite(ema26);
        macd = finite(macd);
        macdSignal = finite(macdSignal);
        rsi14 = finite(rsi14);
        bollingerUpper = finite(bollingerUpper);
        bollingerLower = finite(bollingerLower);
        realizedVol20 = finite(realizedVol20);
        volumeZ20 = finite(volumeZ20);
    }

    /** The same features attributed to another event (used when a recompute rewrites the row). */
    public FeatureRow at(long newPosition) {
        return new FeatureRow(symbol, date, version, close, logReturn, sma20, sma50, ema12, ema26, macd, macdSignal,
                rsi14, bollingerUpper, bollingerLower, realizedVol20, volumeZ20, newPosition, nonFinite);
    }

    /** True when every feature equals the other row's, whatever event produced them. */
    public boolean sameFeaturesAs(FeatureRow other) {
        return at(0).equals(other.at(0));
    }

    private static Double finite(Double value) {
        return value == null || Double.isFinite(value) ? value : null;
    }
}
