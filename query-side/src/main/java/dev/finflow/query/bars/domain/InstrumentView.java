package dev.finflow.query.bars.domain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** A registered instrument as the API shows it. */
@Schema(name = "Instrument")
public record InstrumentView(@Schema(example = "ACME") String symbol, @Schema(example = "Acme Corp.") String name,
                             @Schema(allowableValues = {"EQUITY", "ETF", "INDEX", "FX_PAIR", "CRYPTO"}) String type,
                             @Schema(example = "USD") String currency,
                             @Schema(types = {"string", "null"}) String baseCurrency,
                             @Schema(types = {"string", "null"}) String exchange, LocalDate registeredOn) {
}
