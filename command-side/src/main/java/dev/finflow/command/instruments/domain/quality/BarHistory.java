package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.market.Bar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the history-based rules (jump, stale repeat) may ask about an instrument's stored bars and splits. */
public interface BarHistory {

    /** Up to {@code count} stored bars dated before {@code date}, newest first. */
    List<Bar> before(LocalDate date, int count);

    /**
     * Units after per unit before of every split effective after {@code after} up to and including
     * {@code upTo}: a close on {@code after} divided by this is comparable with one on {@code upTo}.
     */
    BigDecimal splitFactor(LocalDate after, LocalDate upTo);
}
