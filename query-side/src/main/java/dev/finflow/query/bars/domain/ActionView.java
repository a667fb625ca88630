package dev.finflow.query.bars.domain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A recorded split or cash dividend of an instrument. A split of {@code numerator}-for-{@code denominator} takes
 * effect on {@code date}; a dividend of {@code amount} {@code currency} per unit goes ex on {@code date}. Numbers are
 * exact decimals written as strings.
 */
@Schema(name = "CorporateAction")
public record ActionView(@Schema(allowableValues = {"SPLIT", "DIVIDEND"}) String kind, LocalDate date,
                         @Schema(types = {"string", "null"}, example = "4") String numerator,
                         @Schema(types = {"string", "null"}, example = "1") String denominator,
                         @Schema(types = {"string", "null"}, example = "0.24") String amount,
                         @Schema(types = {"string", "null"}, example = "USD") String currency,
                         @Schema(types = {"string", "null"}) String source, long position) {
}
