package dev.finflow.query.bars.domain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of bars in date order; {@code nextCursor} (the last date) fetches the next page, null at the end. */
@Schema(name = "BarsPage")
public record BarsPage(@Schema(example = "ACME") String symbol, @Schema(example = "USD") String currency,
                       boolean adjusted, List<BarView> bars, @Schema(types = {"string", "null"}) String nextCursor) {
}
