package dev.finflow.events.ledger;

/** What a grant lets a user do with one account: an owner reads and writes it, a viewer only reads it. */
public enum AccessLevel {
    OWNER,
    VIEWER
}
