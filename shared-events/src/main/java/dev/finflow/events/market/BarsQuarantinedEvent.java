package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Bars were rejected by the quality rules: recorded as they arrived, never applied to prices. */
@Revision("1")
public record BarsQuarantinedEvent(Symbol symbol, String runId, String source, List<QuarantinedBar> bars) {

    public BarsQuarantinedEvent {
        bars = List.copyOf(bars);
    }
}
