package dev.finflow.runtime.processors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a processor stands.
 *
 * @param position    every event up to this global position is applied (or put aside) in every segment (-1: none)
 * @param head        the store's latest position
 * @param state       DEGRADED while it has dead letters, else LIVE
 * @param deadLetters events put aside, and those queued behind them
 * @param stalled     events wait, but none was applied for the stall timeout
 */
@Schema(name = "ProcessorStatus")
public record ProcessorStatus(@Schema(example = "transfer-process") String name, @Schema(example = "41") long position,
                              @Schema(example = "42") long head,
                              @Schema(allowableValues = {"LIVE", "DEGRADED"}) String state,
                              @Schema(example = "0") long deadLetters, boolean stalled) {
}
