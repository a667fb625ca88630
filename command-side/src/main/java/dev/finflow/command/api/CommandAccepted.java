package dev.finflow.command.api;

import dev.finflow.command.dispatch.Recorded;

/**
 * The answer to an accepted command. {@code position} is the event store's global position of the last event
 * written for it; give it to the query side as {@code minPosition} to read this write.
 *
 * @param status {@code RECORDED}, or {@code ALREADY_RECORDED} for a repeat that stored nothing new
 */
public record CommandAccepted(String accountId, String transactionId, long position, String status) {

    public static CommandAccepted of(Recorded recorded, String transactionId) {
        return new CommandAccepted(recorded.aggregateId(), transactionId, recorded.position(),
                recorded.alreadyDone() ? "ALREADY_RECORDED" : "RECORDED");
    }
}
