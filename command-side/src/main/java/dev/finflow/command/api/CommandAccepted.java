package dev.finflow.command.api;

import dev.finflow.runtime.dispatch.Recorded;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an accepted command. {@code position} is the event store's global position of the last event
 * written for it; give it to the query side as {@code minPosition} to read this write.
 *
 * @param status {@code RECORDED} ({@code SENT} for a transfer), or {@code ALREADY_RECORDED} for a repeat that stored
 *               nothing new
 */
public record CommandAccepted(@Schema(example = "acc-1") String accountId,
                              @Schema(example = "tx-1") String transactionId,
                              @Schema(example = "43") long position,
                              @Schema(allowableValues = {"RECORDED", "ALREADY_RECORDED", "SENT"}) String status) {

    public static CommandAccepted of(Recorded recorded, String transactionId) {
        return new CommandAccepted(recorded.aggregateId(), transactionId, recorded.position(),
                recorded.alreadyDone() ? "ALREADY_RECORDED" : "RECORDED");
    }
}
