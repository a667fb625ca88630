package dev.finflow.events.market;

/**
 * A bar exactly as it arrived, every field a string, so that a bar whose fields are missing or not numbers can
 * still be judged by the "required fields and types" rule and recorded in quarantine.
 */
public record RawBar(String date,
                     String open,
                     String high,
                     String low,
                     String close,
                     String adjustedClose,
                     String volume) {
}
