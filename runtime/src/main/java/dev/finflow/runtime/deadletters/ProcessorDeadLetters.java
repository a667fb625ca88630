package dev.finflow.runtime.deadletters;

import dev.finflow.runtime.store.GlobalIndex;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * The dead letters of one processor and what can be done with them: apply a batch so that an event that cannot be
 * applied is put aside instead of stalling the processor, list, retry and evict.
 * <p>
 * Axon's {@code DeadLetteringEventHandlerInvoker} does not fit: after an SQL error PostgreSQL refuses every further
 * statement of the transaction, so each attempt runs in a savepoint of the processor's transaction instead, and the
 * letters are stored in that same transaction (with the token: exactly once).
 */
public final class ProcessorDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProcessorDeadLetters.class);

    /** A dead letter as operators see it. {@code cause} is null for an event queued behind an earlier one. */
    @Schema(name = "DeadLetter")
    public record Letter(String eventId, @Schema(example = "acc-1") String sequence, long index, long position,
                         @Schema(example = "dev.finflow.events.ledger.TransferSentEvent") String type,
                         @Schema(types = {"string", "null"}) String causeType,
                         @Schema(types = {"string", "null"}) String causeMessage, Instant enqueuedAt,
                         Instant lastTouched) {
    }

    /** What a retry did: letters applied, letters left, and why the first one left still fails (or null). */
    @Schema(name = "DeadLetterRetry")
    public record Retry(int applied, int remaining, @Schema(types = {"string", "null"}) String failure) {
    }

    private final String schema;
    private final String processor;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    public ProcessorDeadLetters(String schema, String processor, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.schema = schema;
        this.processor = processor;
        this.queue = queue;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public String processor() {
        return processor;
    }

    /**
     * Applies {@code events} in the caller's transaction: the whole batch in one savepoint; if that fails, event by
     * event, each in its own, and the failing ones become dead letters. An event whose sequence already has a dead
     * letter is queued behind it unapplied. A transient failure (connection, deadlock) is thrown: the processor
     * rolls the batch back and retries it. Answers how many events were applied.
     */
    public int applyOrDeadLetter(List<? extends EventMessage<?>> events, Consumer<List<EventMessage<?>>> apply) {
        Set<String> blocked = blockedSequences();
        List<EventMessage<?>> ready = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (blocked.contains(DeadLetters.sequenceOf(event))) {
                enqueue(event, null);
            } else {
                ready.add(event);
            }
        }
        if (ready.isEmpty() || attempt(ready, apply) == null) {
            return ready.size();
        }
        int applied = 0;
        for (EventMessage<?> event : ready) {
            if (applyOrDeadLetter(event, blocked, () -> apply.accept(List.of(event)))) {
                applied++;
            }
        }
        return applied;
    }

    /**
     * Applies one event in a savepoint of the caller's transaction, or makes it a dead letter: queued behind its
     * sequence's letter when {@code blocked} (the caller's view of {@link #blockedSequences()}) names its sequence,
     * with its cause when it fails (its sequence is then added to {@code blocked}). Answers whether it applied.
     */
    public boolean applyOrDeadLetter(EventMessage<?> event, Set<String> blocked, Runnable apply) {
        String sequence = DeadLetters.sequenceOf(event);
        if (blocked.contains(sequence)) {
            enqueue(event, null);
            return false;
        }
        RuntimeException failure = attempt(List.of(event), events -> apply.run());
        if (failure == null) {
            return true;
        }
        log.warn("{} could not apply event {} ({}, sequence {}); it is a dead letter now", processor,
                GlobalIndex.of(event), event.getPayloadType().getSimpleName(), sequence, failure);
        enqueue(event, failure);
        blocked.add(sequence);
        return false;
    }

    /** The sequences that have dead letters: later events of these wait behind them. */
    public Set<String> blockedSequences() {
        return new HashSet<>(jdbc.queryForList("select distinct sequence_identifier from " + schema
                + ".dead_letter_entry where processing_group = ?", String.class, processor));
    }

    public List<Letter> list() {
        return transaction.execute(status -> StreamSupport.stream(queue.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .map(ProcessorDeadLetters::letter).toList());
    }

    /**
     * Applies the dead letters of {@code sequence} again, in order, each with its removal from the queue, and stops
     * at the first that still fails (its cause is updated). Empty when the sequence has no dead letters.
     */
    public Optional<Retry> retry(String sequence, Consumer<List<EventMessage<?>>> apply) {
        return Optional.ofNullable(transaction.execute(status -> {
            lock(sequence);
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            if (letters.isEmpty()) {
                return null;
            }
            int applied = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : letters) {
                RuntimeException failure = attempt(List.of(letter.message()), apply);
                if (failure != null) {
                    queue.requeue(letter, l -> l.withCause(failure));
                    return new Retry(applied, letters.size() - applied, failure.getMessage());
                }
                queue.evict(letter);
                applied++;
            }
            return new Retry(applied, 0, null);
        }));
    }

    /**
     * Removes the dead letter of event {@code eventId} without applying it, records who did it, when and why, and
     * then retries the letters queued behind it. Empty when this processor has no dead letter of that event.
     */
    public Optional<Letter> evict(String eventId, String principal, String reason,
                                  Consumer<List<EventMessage<?>>> apply) {
        Letter evicted = transaction.execute(status -> {
            List<String> sequences = jdbc.queryForList("select sequence_identifier from " + schema
                    + ".dead_letter_entry where processing_group = ? and event_identifier = ?", String.class,
                    processor, eventId);
            if (sequences.isEmpty()) {
                return null;
            }
            lock(sequences.get(0));
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequences.get(0))) {
                if (letter.message().getIdentifier().equals(eventId)) {
                    queue.evict(letter);
                    Letter shown = letter(letter);
                    jdbc.update("insert into " + schema + ".dead_letter_eviction (processing_group, "
                            + "sequence_identifier, event_identifier, global_index, payload_type, cause_message, "
                            + "evicted_by, reason) values (?, ?, ?, ?, ?, ?, ?, ?)", processor, shown.sequence(),
                            eventId, shown.position(), shown.type(), shown.causeMessage(), principal, reason);
                    return shown;
                }
            }
            return null;
        });
        if (evicted != null) {
            log.info("{}: {} evicted dead letter {} ({})", processor, principal, eventId, reason);
            retry(evicted.sequence(), apply);
        }
        return Optional.ofNullable(evicted);
    }

    private void enqueue(EventMessage<?> event, Throwable cause) {
        String sequence = DeadLetters.sequenceOf(event);
        queue.enqueue(sequence, cause == null ? new GenericDeadLetter<>(sequence, event)
                : new GenericDeadLetter<>(sequence, event, cause));
    }

    /** Runs {@code apply} in a savepoint; answers its failure, or null. A transient failure is thrown. */
    private RuntimeException attempt(List<EventMessage<?>> events, Consumer<List<EventMessage<?>>> apply) {
        try {
            savepoint.executeWithoutResult(status -> apply.accept(events));
            return null;
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            return e;
        }
    }

    /** One retry or eviction of a sequence at a time, across instances. */
    private void lock(String sequence) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?), hashtext(?))", processor, sequence);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Optional<Cause> cause = letter.cause();
        String sequence = letter instanceof org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter<?> jdbc
                ? jdbc.getSequenceIdentifier() : DeadLetters.sequenceOf(message);
        long index = letter instanceof org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter<?> jdbc
                ? jdbc.getSequenceIndex() : 0;
        return new Letter(message.getIdentifier(), sequence, index, GlobalIndex.of(message),
                message.getPayloadType().getSimpleName(), cause.map(Cause::type).orElse(null),
                cause.map(Cause::message).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }
}
