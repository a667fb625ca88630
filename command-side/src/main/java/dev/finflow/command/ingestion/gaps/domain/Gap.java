package dev.finflow.command.ingestion.gaps.domain;

import java.time.LocalDate;

/** Consecutive trading days, {@code from}..{@code to} inclusive, with no stored bar. */
public record Gap(LocalDate from, LocalDate to, int tradingDays) {
}
