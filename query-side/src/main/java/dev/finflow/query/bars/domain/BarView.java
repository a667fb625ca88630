package dev.finflow.query.bars.domain;

import dev.finflow.events.market.Finding;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One bar as the API shows it. Prices are exact decimals written as strings, so no client parses them into a
 * binary floating point number by accident. {@code factor} is the cumulative price factor applied (1 when raw);
 * {@code revision} counts the corrections that replaced the bar; {@code position} is the event it came from.
 */
@Schema(name = "Bar")
public record BarView(LocalDate date, @Schema(example = "10.00") String open, @Schema(example = "11.00") String high,
                      @Schema(example = "9.50") String low, @Schema(example = "10.50") String close,
                      @Schema(types = {"string", "null"}) String adjustedClose, long volume,
                      @Schema(allowableValues = {"ACCEPTED", "FLAGGED"}) String verdict, List<Finding> findings,
                      int revision, @Schema(example = "manual") String runId, @Schema(example = "api") String source,
                      long position, @Schema(example = "1") String factor) {
}
