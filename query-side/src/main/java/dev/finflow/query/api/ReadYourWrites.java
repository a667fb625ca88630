package dev.finflow.query.api;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.store.TokenPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Read your writes: a client passes the position a command returned ({@code minPosition}) and the read waits,
 * without blocking a thread, until the projection it reads has applied that position, checking its stored
 * tokens every few milliseconds. After {@code finflow.query.read-your-writes.timeout} it answers 503 with a
 * Retry-After instead of serving rows that do not show the write yet.
 */
@Component
public class ReadYourWrites {

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final Duration timeout;
    private final Duration pollEvery;

    ReadYourWrites(DatabaseClient db, ProjectionCatalog catalog,
                   @Value("${finflow.query.read-your-writes.timeout:5s}") Duration timeout,
                   @Value("${finflow.query.read-your-writes.poll:10ms}") Duration pollEvery) {
        this.db = db;
        this.catalog = catalog;
        this.timeout = timeout;
        this.pollEvery = pollEvery;
    }

    /** Completes once {@code projection} has applied {@code minPosition} (at once when it is null). */
    public Mono<Void> await(String projection, Long minPosition) {
        if (minPosition == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> position(projection))
                .filter(position -> position >= minPosition)
                .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(pollEvery))
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, e -> new RuleViolation(QueryRule.PROJECTION_BEHIND,
                        projection + " has not applied position " + minPosition + " within " + timeout
                                + "; retry shortly", "minPosition"))
                .then();
    }

    /** The position the version readers see has applied in every segment. */
    public Mono<Long> position(String projection) {
        String processor = catalog.tables(projection).processorName();
        return db.sql("select token from query.token_entry where processor_name = :processor")
                .bind("processor", processor)
                .map(row -> {
                    String token = row.get("token", String.class);
                    return token == null ? "" : token;
                })
                .all().collectList()
                .map(TokenPositions::appliedThrough);
    }
}
