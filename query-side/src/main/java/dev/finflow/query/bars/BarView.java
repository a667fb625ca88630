package dev.finflow.query.bars;

import dev.finflow.events.market.Finding;

import java.time.LocalDate;
import java.util.List;

/**
 * One bar as the API shows it. Prices are exact decimals written as strings, so no client parses them into a
 * binary floating point number by accident. {@code factor} is the cumulative price factor applied (1 when raw);
 * {@code revision} counts the corrections that replaced the bar; {@code position} is the event it came from.
 */
public record BarView(LocalDate date, String open, String high, String low, String close, String adjustedClose,
                      long volume, String verdict, List<Finding> findings, int revision, String runId,
                      String source, long position, String factor) {
}
