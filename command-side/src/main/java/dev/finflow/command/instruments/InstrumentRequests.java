package dev.finflow.command.instruments;

import dev.finflow.command.api.StrictText;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the instrument API and its answers. Prices may be sent as JSON numbers or strings;
 * every other text only as a JSON string (a number is refused, not coerced). */
final class InstrumentRequests {

    private InstrumentRequests() {
    }

    record Register(@JsonDeserialize(using = StrictText.class) String symbol,
                    @JsonDeserialize(using = StrictText.class) String name,
                    @JsonDeserialize(using = StrictText.class) String type,
                    @JsonDeserialize(using = StrictText.class) String currency,
                    @JsonDeserialize(using = StrictText.class) String baseCurrency,
                    @JsonDeserialize(using = StrictText.class) String exchange) {
    }

    /** A batch of bars; runId and source default to {@code manual} and {@code api}. */
    record Bars(@JsonDeserialize(using = StrictText.class) String runId,
                @JsonDeserialize(using = StrictText.class) String source,
                List<BarRow> bars) {
    }

    record BarRow(@JsonDeserialize(using = StrictText.class) String date, String open, String high, String low,
                  String close, String adjustedClose, String volume) {
    }

    /**
     * {@code cashInLieuPrice}: optional, in the instrument's currency, per unit after the split.
     * {@code cashInLieuFxRates}: optional, by account currency, units of it per unit of the instrument's currency.
     */
    record Split(LocalDate effectiveDate, BigDecimal numerator, BigDecimal denominator,
                 @JsonDeserialize(using = StrictText.class) String source, BigDecimal cashInLieuPrice,
                 Map<String, BigDecimal> cashInLieuFxRates) {
    }

    record Dividend(LocalDate exDate, BigDecimal amount,
                    @JsonDeserialize(using = StrictText.class) String currency,
                    @JsonDeserialize(using = StrictText.class) String source) {
    }

    record Correction(String open, String high, String low, String close, String adjustedClose, String volume,
                      @JsonDeserialize(using = StrictText.class) String reason) {
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
