package dev.finflow.ml.intervals;

/**
 * How many realised values fell inside their intervals, with a Wilson score interval for the true coverage: a
 * coverage figure without its n and its uncertainty says little (95.0% of 100 could well be 90% in truth).
 */
public record Coverage(int inside, int n) {

    /** Nominal 95% intervals must cover within this band, pooled. */
    public static final double BAND_LOW = 0.93;
    public static final double BAND_HIGH = 0.97;
    /** No symbol's intervals may cover less than this on its held-out days, whatever the uncertainty. */
    public static final double FLOOR = 0.90;
    private static final double Z95 = 1.959963984540054;

    public double rate() {
        return n == 0 ? Double.NaN : (double) inside / n;
    }

    /** Lower end of the 95% Wilson score interval. */
    public double low() {
        return wilson(-1);
    }

    /** Upper end of the 95% Wilson score interval. */
    public double high() {
        return wilson(1);
    }

    public boolean withinBand() {
        return rate() >= BAND_LOW && rate() <= BAND_HIGH;
    }

    /**
     * True when the data say the coverage is outside the 93-97% band (the whole Wilson interval lies outside it),
     * or when it is below the 90% floor. A model is not promoted then; a rate just outside the band on few days is
     * noise and does not count, but a symbol covered less than 90% of the time is never served.
     */
    public boolean missesBand() {
        return n == 0 || high() < BAND_LOW || low() > BAND_HIGH || rate() < FLOOR;
    }

    public Coverage plus(Coverage other) {
        return new Coverage(inside + other.inside, n + other.n);
    }

    private double wilson(int sign) {
        if (n == 0) {
            return Double.NaN;
        }
        double p = rate();
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return centre + sign * half;
    }
}
