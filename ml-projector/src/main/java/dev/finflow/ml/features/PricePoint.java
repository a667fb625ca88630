package dev.finflow.ml.features;

import java.time.LocalDate;

/** One kept bar as features need it: date, close and volume, and the event that set it. */
record PricePoint(LocalDate date, double close, long volume, long position) {
}
