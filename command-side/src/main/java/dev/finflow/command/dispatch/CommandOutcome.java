package dev.finflow.command.dispatch;

/**
 * What a command handler answers: the aggregate and sequence number of the last event that records the command
 * (so the API can report its global position), and whether it was recorded just now or before (an idempotent
 * repeat, for which nothing new was stored).
 */
public record CommandOutcome(String aggregateId, long sequenceNumber, boolean alreadyDone) {

    public static CommandOutcome recorded(String aggregateId, long sequenceNumber) {
        return new CommandOutcome(aggregateId, sequenceNumber, false);
    }

    public static CommandOutcome repeated(String aggregateId, long sequenceNumber) {
        return new CommandOutcome(aggregateId, sequenceNumber, true);
    }
}
