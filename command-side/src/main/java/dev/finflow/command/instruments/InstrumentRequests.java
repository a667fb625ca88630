package dev.finflow.command.instruments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON bodies of the instrument API and its answers. Prices may be sent as JSON numbers or strings. */
final class InstrumentRequests {

    private InstrumentRequests() {
    }

    record Register(String symbol, String name, String type, String currency, String baseCurrency,
                    String exchange) {
    }

    /** A batch of bars; runId and source default to {@code manual} and {@code api}. */
    record Bars(String runId, String source, List<BarRow> bars) {
    }

    record BarRow(String date, String open, String high, String low, String close, String adjustedClose,
                  String volume) {
    }

    /** {@code cashInLieuPrice}: optional, in the instrument's currency, per unit after the split. */
    record Split(LocalDate effectiveDate, BigDecimal numerator, BigDecimal denominator, String source,
                 BigDecimal cashInLieuPrice) {
    }

    record Dividend(LocalDate exDate, BigDecimal amount, String currency, String source) {
    }

    record Correction(String open, String high, String low, String close, String adjustedClose, String volume,
                      String reason) {
    }

    /** The answer to a register, split, dividend or correction. */
    record Changed(String symbol, long position, String status) {
    }

    /** The answer to a batch of bars: its report and the position of the last event it stored. */
    record BarsAnswer(String symbol, String runId, long position, String status, int received, int accepted,
                      int flagged, int rejected, int duplicates, int corrected, List<BarsReport.BarFinding> findings,
                      int findingsOmitted) {

        static BarsAnswer of(String symbol, String runId, long position, boolean nothingNew, BarsReport report) {
            return new BarsAnswer(symbol, runId, position, nothingNew ? "NOTHING_NEW" : "RECORDED",
                    report.received(), report.accepted(), report.flagged(), report.rejected(), report.duplicates(),
                    report.corrected(), report.findings(), report.findingsOmitted());
        }
    }
}
