package dev.finflow.command.instruments.web;

import dev.finflow.command.api.StrictText;
import dev.finflow.command.instruments.domain.BarsReport;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The JSON bodies of the instrument API and its answers. Prices may be sent as JSON numbers or strings;
 * every other text only as a JSON string (a number is refused, not coerced). */
final class InstrumentRequests {

    private InstrumentRequests() {
    }

    @Schema(name = "RegisterInstrumentRequest")
    record Register(@Schema(requiredMode = REQUIRED, example = "ACME")
                    @JsonDeserialize(using = StrictText.class) String symbol,
                    @Schema(requiredMode = REQUIRED, example = "Acme Corp.")
                    @JsonDeserialize(using = StrictText.class) String name,
                    @Schema(requiredMode = REQUIRED, allowableValues = {"EQUITY", "ETF", "INDEX", "FX_PAIR", "CRYPTO"})
                    @JsonDeserialize(using = StrictText.class) String type,
                    @Schema(requiredMode = REQUIRED, example = "USD")
                    @JsonDeserialize(using = StrictText.class) String currency,
                    @Schema(description = "FX_PAIR: the base currency", example = "EUR")
                    @JsonDeserialize(using = StrictText.class) String baseCurrency,
                    @Schema(example = "XNYS") @JsonDeserialize(using = StrictText.class) String exchange) {
    }

    /** A batch of bars; runId and source default to {@code manual} and {@code api}. */
    @Schema(name = "BarsRequest")
    record Bars(@Schema(example = "manual") @JsonDeserialize(using = StrictText.class) String runId,
                @Schema(example = "api") @JsonDeserialize(using = StrictText.class) String source,
                @Schema(requiredMode = REQUIRED) List<BarRow> bars) {
    }

    /** Values as text, so that the quality rules see (and name) whatever arrived. */
    @Schema(name = "BarRow")
    record BarRow(@Schema(requiredMode = REQUIRED, example = "2024-01-02")
                  @JsonDeserialize(using = StrictText.class) String date,
                  @Schema(requiredMode = REQUIRED, example = "10.0") String open,
                  @Schema(requiredMode = REQUIRED, example = "11.0") String high,
                  @Schema(requiredMode = REQUIRED, example = "9.5") String low,
                  @Schema(requiredMode = REQUIRED, example = "10.5") String close,
                  @Schema(example = "10.5") String adjustedClose,
                  @Schema(requiredMode = REQUIRED, example = "120000") String volume) {
    }

    /**
     * {@code cashInLieuPrice}: optional, in the instrument's currency, per unit after the split.
     * {@code cashInLieuFxRates}: optional, by account currency, units of it per unit of the instrument's currency.
     */
    @Schema(name = "SplitRequest")
    record Split(@Schema(requiredMode = REQUIRED, example = "2024-06-10") LocalDate effectiveDate,
                 @Schema(requiredMode = REQUIRED, example = "2") BigDecimal numerator,
                 @Schema(requiredMode = REQUIRED, example = "1") BigDecimal denominator,
                 @Schema(example = "api") @JsonDeserialize(using = StrictText.class) String source,
                 @Schema(example = "21.40") BigDecimal cashInLieuPrice,
                 @Schema(example = "{\"EUR\": 0.92}") Map<String, BigDecimal> cashInLieuFxRates) {
    }

    @Schema(name = "DividendRequest")
    record Dividend(@Schema(requiredMode = REQUIRED, example = "2024-03-15") LocalDate exDate,
                    @Schema(requiredMode = REQUIRED, description = "Per unit", example = "0.24") BigDecimal amount,
                    @Schema(requiredMode = REQUIRED, example = "USD")
                    @JsonDeserialize(using = StrictText.class) String currency,
                    @Schema(example = "api") @JsonDeserialize(using = StrictText.class) String source) {
    }

    @Schema(name = "BarCorrectionRequest")
    record Correction(@Schema(requiredMode = REQUIRED, example = "10.0") String open,
                      @Schema(requiredMode = REQUIRED, example = "11.0") String high,
                      @Schema(requiredMode = REQUIRED, example = "9.5") String low,
                      @Schema(requiredMode = REQUIRED, example = "10.5") String close,
                      @Schema(example = "10.5") String adjustedClose,
                      @Schema(requiredMode = REQUIRED, example = "120000") String volume,
                      @Schema(requiredMode = REQUIRED, example = "provider sent the wrong close")
                      @JsonDeserialize(using = StrictText.class) String reason) {
    }

    /** The answer to a register, split, dividend or correction. */
    @Schema(name = "InstrumentChanged")
    record Changed(@Schema(example = "ACME") String symbol, @Schema(example = "42") long position,
                   @Schema(allowableValues = {"REGISTERED", "ALREADY_REGISTERED", "RECORDED", "ALREADY_RECORDED",
                           "CORRECTED", "ALREADY_CORRECTED"}) String status) {
    }

    /** The answer to a batch of bars: its report and the position of the last event it stored. */
    @Schema(name = "BarsRecorded")
    record BarsAnswer(@Schema(example = "ACME") String symbol, @Schema(example = "manual") String runId,
                      @Schema(example = "57") long position,
                      @Schema(allowableValues = {"RECORDED", "NOTHING_NEW"}) String status, int received, int accepted,
                      int flagged, int rejected, int duplicates, int corrected, List<BarsReport.BarFinding> findings,
                      int findingsOmitted) {

        static BarsAnswer of(String symbol, String runId, long position, boolean nothingNew, BarsReport report) {
            return new BarsAnswer(symbol, runId, position, nothingNew ? "NOTHING_NEW" : "RECORDED",
                    report.received(), report.accepted(), report.flagged(), report.rejected(), report.duplicates(),
                    report.corrected(), report.findings(), report.findingsOmitted());
        }
    }
}
