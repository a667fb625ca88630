package dev.finflow.command.ingestion;

import dev.finflow.command.dispatch.CommandOutcome;
import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.IngestBarsCommand;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.QuarantinedBar;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.market.Verdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: a stand-in for the instruments helper's {@code Instrument} aggregate, so ingestion runs can be
 * tested end to end before it is merged. It keeps unparsable bars out (quarantine), drops exact duplicates and
 * accepts the rest; it disables itself as soon as the real aggregate is on the classpath.
 */
@Aggregate(commandTargetResolver = "commandTargetResolver")
@ConditionalOnMissingClass("dev.finflow.command.instruments.Instrument")
public class StandInInstrument {

    @AggregateIdentifier
    private String id;
    private Map<LocalDate, Bar> bars = new HashMap<>();

    protected StandInInstrument() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(IngestBarsCommand command) {
        List<IngestedBar> kept = new ArrayList<>();
        List<QuarantinedBar> rejected = new ArrayList<>();
        for (RawBar raw : command.bars()) {
            Bar bar = parse(raw);
            if (bar == null) {
                rejected.add(new QuarantinedBar(raw, List.of(new Finding("required-fields", "unparsable"))));
            } else if (!(bars.containsKey(bar.date()) && bars.get(bar.date()).sameValuesAs(bar))) {
                kept.add(new IngestedBar(bar, Verdict.ACCEPTED, List.of()));
            }
        }
        if (!kept.isEmpty()) {
            AggregateLifecycle.apply(new BarsIngestedEvent(command.symbol(), command.runId(), command.source(), kept));
        }
        if (!rejected.isEmpty()) {
            AggregateLifecycle.apply(new BarsQuarantinedEvent(command.symbol(), command.runId(), command.source(),
                    rejected));
        }
        if (kept.isEmpty() && rejected.isEmpty()) {
            if (id == null) {
                throw new IllegalStateException("nothing to ingest");
            }
            return CommandOutcome.repeated(id, AggregateLifecycle.getVersion());
        }
        return CommandOutcome.recorded(command.instrumentId(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(BarsIngestedEvent event) {
        id = "instrument/" + event.symbol().value();
        event.bars().forEach(bar -> bars.put(bar.bar().date(), bar.bar()));
    }

    @EventSourcingHandler
    void on(BarsQuarantinedEvent event) {
        id = "instrument/" + event.symbol().value();
    }

    private static Bar parse(RawBar raw) {
        try {
            return new Bar(LocalDate.parse(raw.date()), new BigDecimal(raw.open()), new BigDecimal(raw.high()),
                    new BigDecimal(raw.low()), new BigDecimal(raw.close()),
                    raw.adjustedClose() == null ? null : new BigDecimal(raw.adjustedClose()),
                    Long.parseLong(raw.volume()));
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
