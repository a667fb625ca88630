package dev.finflow.events.ledger;

public enum TradeSide {
    BUY,
    SELL
}
