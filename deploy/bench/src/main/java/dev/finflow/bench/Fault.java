package dev.finflow.bench;

/** The faults the detection benchmark injects into real series, with the quality rule expected to catch each. */
enum Fault {
    X100("x100 shift", "jump"),
    DIV100("/100 shift", "jump"),
    ZERO("zero price", "non-positive-price"),
    NEGATIVE("negative price", "non-positive-price"),
    SWAPPED("swapped high/low", "ohlc-consistency"),
    STALE("stale run", "stale-repeat"),
    DUPLICATE("duplicate", null),
    FUTURE("future date", "future-date"),
    REMOVED("removed day", null);

    final String label;
    final String rule;

    Fault(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }
}
