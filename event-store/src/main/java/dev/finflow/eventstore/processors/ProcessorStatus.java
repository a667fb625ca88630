package dev.finflow.eventstore.processors;

/**
 * Where a processor stands.
 *
 * @param position    every event up to this global position is applied (or put aside) in every segment (-1: none)
 * @param head        the store's latest position
 * @param state       DEGRADED while it has dead letters, else LIVE
 * @param deadLetters events put aside, and those queued behind them
 * @param stalled     events wait, but none was applied for the stall timeout
 */
public record ProcessorStatus(String name, long position, long head, String state, long deadLetters,
                              boolean stalled) {
}
