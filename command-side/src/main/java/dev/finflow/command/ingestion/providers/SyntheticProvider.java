package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic random walk (geometric Brownian motion) per symbol, for demos, tests and load: the same seed
 * and symbol always give the same bar for a date, whatever range is asked, because the walk always starts at
 * {@link #ORIGIN}. Weekdays only; doubles drive the walk, the bars carry exact two-decimal prices.
 */
final class SyntheticProvider implements MarketDataProvider {

    static final LocalDate ORIGIN = LocalDate.of(2000, 1, 3);
    private static final double DRIFT = 0.0003;
    private static final double VOLATILITY = 0.015;

    private final long seed;

    SyntheticProvider(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public ProviderData fetch(Symbol symbol, LocalDate from, LocalDate to) {
        SplittableRandom random = new SplittableRandom(seed * 31 + symbol.value().hashCode());
        double close = 20 + random.nextDouble() * 180;
        List<RawBar> bars = new ArrayList<>();
        for (LocalDate day = ORIGIN; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double open = close * (1 + gaussian(random) * VOLATILITY / 4);
            close = close * Math.exp(DRIFT - VOLATILITY * VOLATILITY / 2 + VOLATILITY * gaussian(random));
            double high = Math.max(open, close) * (1 + Math.abs(gaussian(random)) * VOLATILITY / 3);
            double low = Math.min(open, close) * (1 - Math.abs(gaussian(random)) * VOLATILITY / 3);
            long volume = 500_000 + (long) (random.nextDouble() * 4_500_000);
            if (!day.isBefore(from)) {
                String closeText = money(close);
                bars.add(new RawBar(day.toString(), money(open), money(high), money(low), closeText, closeText,
                        Long.toString(volume)));
            }
        }
        if (bars.isEmpty()) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.NO_DATA, "no weekdays in " + from + ".." + to);
        }
        return ProviderData.ofBars(bars);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static String money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
