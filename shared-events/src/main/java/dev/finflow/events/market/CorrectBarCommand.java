package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;

/** A person corrects a stored bar by hand; the corrected bar passes the same quality rules. */
public record CorrectBarCommand(Symbol symbol, RawBar bar, String reason) implements InstrumentCommand {
}
