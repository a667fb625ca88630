package dev.finflow.events.market;

/** What kind of instrument a symbol names. An FX pair's price is units of its currency per unit of its base. */
public enum InstrumentType {
    EQUITY, ETF, INDEX, FX_PAIR, CRYPTO
}
