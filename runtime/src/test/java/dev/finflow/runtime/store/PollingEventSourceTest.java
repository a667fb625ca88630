package dev.finflow.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.testing.TestDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PollingEventSourceTest {

    private TestDatabase database;
    private HikariDataSource dataSource;
    private BufferingEventStorageEngine storage;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        dataSource = TestPools.on(database);
        new SchemaMigrations(dataSource, "eventstore_test");
        ConnectionProvider connections = dataSource::getConnection;
        storage = new BufferingEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(EventJson.serializer())
                .snapshotSerializer(EventJson.serializer())
                .schema(new EventStoreConfiguration().eventSchema())
                .dataType(String.class)
                .persistenceExceptionResolver(new UniqueViolationResolver()), new HighWaterMark(dataSource, 0));
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
        database.close();
    }

    @Test
    void deliversEveryStoredEventInOrderAndThenWhatIsAppendedLater() throws InterruptedException {
        append("a", 0, "first");
        append("a", 1, "second");
        PollingEventSource source = new PollingEventSource(storage, Duration.ofMillis(50));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            List<Object> seen = new ArrayList<>();
            while (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                seen.add(stream.nextAvailable().getPayload());
            }
            append("b", 0, "third");
            assertThat(stream.hasNextAvailable(2, TimeUnit.SECONDS)).isTrue();
            seen.add(stream.nextAvailable().getPayload());

            assertThat(seen).containsExactly("first", "second", "third");
        }
    }

    @Test
    void aStreamBehindReadsBatchAfterBatchWithoutWaitingForTheInterval() throws Exception {
        for (int i = 0; i < 350; i++) {
            if (i == 150) {
                // A hole (an index taken by a transaction that rolled back): the engine's read of 100 indexes
                // then finds 99 events and ends its stream there.
                try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("select nextval('events.domain_event_entry_global_index_seq')");
                }
            }
            append("a", i, "event " + i);
        }
        PollingEventSource source = new PollingEventSource(storage, Duration.ofSeconds(30));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            int seen = 0;
            // A read that found events reads on at once: a zero timeout sees all, not wait 30 s after the hole.
            while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                stream.nextAvailable();
                seen++;
            }
            assertThat(seen).isEqualTo(350);
        }
    }

    @Test
    void readsAgainOnlyAfterTheIntervalSoAZeroTimeoutCheckDoesNotQueryEveryTime() throws InterruptedException {
        PollingEventSource source = new PollingEventSource(storage, Duration.ofSeconds(30));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            assertThat(stream.hasNextAvailable()).isFalse();
            append("a", 0, "later");

            // Within the interval the stream does not read the store again ...
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(stream.peek()).isEmpty();
        }
        // ... but a fresh stream (or the next interval) sees it.
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.peek().map(message -> (Object) message.getPayload())).contains("later");
        }
    }

    @Test
    void wakesItsProcessorWhenSomethingIsCommittedAndNotWhileNothingIs() throws InterruptedException {
        PollingEventSource source = new PollingEventSource(storage, Duration.ofMillis(50));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            AtomicInteger wakeUps = new AtomicInteger();
            assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();
            Thread.sleep(300);
            assertThat(wakeUps).as("caught up, nothing new").hasValue(0);

            append("a", 0, "later");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (wakeUps.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(wakeUps.get()).as("woken after the commit").isPositive();
            // Woken, the stream reads at once, whatever the interval.
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("later");
        }
    }

    @Test
    void resumesAfterTheTokenItIsOpenedAt() throws InterruptedException {
        append("a", 0, "first");
        append("a", 1, "second");
        PollingEventSource source = new PollingEventSource(storage, Duration.ofMillis(10));
        TrackedEventMessage<?> first;
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            first = stream.nextAvailable();
        }

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(first.trackingToken())) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    private void append(String aggregate, long sequence, String payload) {
        storage.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, sequence, payload));
    }
}
