package dev.finflow.ml;

import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.Symbol;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Appends market events to the real event store through Axon, as the command side would, and waits. */
public final class MarketEvents {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    public MarketEvents(EventStore eventStore, JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** Real closes and volumes of a symbol (test resource prices/SYMBOL.csv), oldest first. */
    public static List<Bar> realBars(String symbol) {
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                MarketEvents.class.getResourceAsStream("/prices/" + symbol + ".csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                bars.add(bar(LocalDate.parse(f[0]), new BigDecimal(f[1]), Long.parseLong(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }

    public static Bar bar(LocalDate date, BigDecimal close, long volume) {
        return new Bar(date, close, close, close, close, null, volume);
    }

    public void ingest(String symbol, List<Bar> bars) {
        List<IngestedBar> kept = bars.stream().map(b -> new IngestedBar(b, Verdict.ACCEPTED, List.of())).toList();
        append(symbol, new BarsIngestedEvent(new Symbol(symbol), "run-1", "test", kept));
    }

    public void correct(String symbol, Bar previous, Bar corrected) {
        append(symbol, new BarCorrectedEvent(new Symbol(symbol), "run-2", "test", previous, corrected,
                Verdict.ACCEPTED, List.of(), "provider revised the close"));
    }

    public void append(String symbol, Object payload) {
        appendTo("Instrument", "instrument/" + symbol, payload);
    }

    public void appendTo(String aggregateType, String aggregate, Object payload) {
        long sequence = jdbc.queryForObject("select coalesce(max(sequence_number) + 1, 0) from"
                + " events.domain_event_entry where aggregate_identifier = ?", Long.class, aggregate);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregate, sequence, payload));
    }

    /** As the command side stores it: with the principal of the request that caused it. */
    public void appendTo(String aggregateType, String aggregate, Object payload, String principal) {
        long sequence = jdbc.queryForObject("select coalesce(max(sequence_number) + 1, 0) from"
                + " events.domain_event_entry where aggregate_identifier = ?", Long.class, aggregate);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregate, sequence, payload,
                org.axonframework.messaging.MetaData.with(dev.finflow.events.MetadataKeys.PRINCIPAL, principal)));
    }

    /** Waits until every ml processor has applied the newest event in the store, is caught up and not replaying. */
    public void awaitProjected() {
        long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from events.domain_event_entry",
                Long.class);
        await(() -> processing.eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast)
                .allMatch(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                        .allMatch(s -> s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= head
                                && (!s.isReplaying() || s.getCurrentPosition().orElse(-1)
                                >= s.getResetPosition().orElse(Long.MAX_VALUE)))));
    }

    public static void await(BooleanSupplier until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!until.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the ml projections");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
