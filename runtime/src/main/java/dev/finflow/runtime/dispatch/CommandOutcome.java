package dev.finflow.runtime.dispatch;

/**
 * What a command handler answers: the aggregate and sequence number of the last event that records the command
 * (so the API can report its global position), and whether it was recorded just now or before (an idempotent
 * repeat, for which nothing new was stored).
 *
 * @param report what the handler has to tell the caller beyond the position (a bar batch's verdicts), or null
 */
public record CommandOutcome(String aggregateId, long sequenceNumber, boolean alreadyDone, Object report) {

    public CommandOutcome(String aggregateId, long sequenceNumber, boolean alreadyDone) {
        this(aggregateId, sequenceNumber, alreadyDone, null);
    }

    public static CommandOutcome recorded(String aggregateId, long sequenceNumber) {
        return new CommandOutcome(aggregateId, sequenceNumber, false);
    }

    public static CommandOutcome repeated(String aggregateId, long sequenceNumber) {
        return new CommandOutcome(aggregateId, sequenceNumber, true);
    }

    /** This outcome carrying {@code report} to the caller. */
    public CommandOutcome withReport(Object report) {
        return new CommandOutcome(aggregateId, sequenceNumber, alreadyDone, report);
    }
}
