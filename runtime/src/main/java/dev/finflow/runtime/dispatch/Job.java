package dev.finflow.runtime.dispatch;

import org.axonframework.commandhandling.CommandMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Commands for one aggregate that are stored together or not at all, waiting in a commit lane. */
final class Job {

    final List<CommandMessage<?>> messages;
    final String aggregateId;
    final boolean batch;
    final CompletableFuture<List<Recorded>> result = new CompletableFuture<>();
    List<CommandOutcome> outcomes;

    Job(List<CommandMessage<?>> messages, String aggregateId, boolean batch) {
        this.messages = messages;
        this.aggregateId = aggregateId;
        this.batch = batch;
    }
}
