package dev.finflow.query.bars;

import java.util.List;

/** A page of bars in date order; {@code nextCursor} (the last date) fetches the next page, null at the end. */
public record BarsPage(String symbol, String currency, boolean adjusted, List<BarView> bars, String nextCursor) {
}
