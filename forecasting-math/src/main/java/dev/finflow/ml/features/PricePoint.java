package dev.finflow.ml.features;

import java.time.LocalDate;

/** One kept bar as features need it: date, close and volume, and the event that set it. */
public record PricePoint(LocalDate date, double close, long volume, long position) {
}
