package dev.finflow.command.instruments.domain;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.command.instruments.domain.quality.Judgement;
import dev.finflow.command.instruments.domain.quality.MarketRules;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.TreeMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One instrument: the consistency boundary of its price history. Every bar passes the quality rules here, in
 * the command handler; a batch becomes at most one {@link BarsIngestedEvent}, one {@link BarsQuarantinedEvent}
 * and a {@link BarCorrectedEvent} per revised date. The state is what the rules need ({@link BarBook}).
 */
@Aggregate(snapshotTriggerDefinition = "instrumentSnapshotTrigger", cache = "instrumentCache",
        commandTargetResolver = "commandTargetResolver")
public class Instrument {

    /** The largest batch one command may carry: one command is one database transaction. */
    public static final int MAX_BATCH = 10_000;

    @AggregateIdentifier
    private String instrumentId;
    private Symbol symbol;
    private String name;
    private InstrumentType type;
    private Currency currency;
    private Currency baseCurrency;
    private String exchange;
    private BarBook book = new BarBook();
    private Map<LocalDate, BigDecimal> dividends = new HashMap<>();
    private LocalDate staleReportedFor;

    protected Instrument() {
        // Axon rebuilds the aggregate from events (or a snapshot) through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(RegisterInstrumentCommand command) {
        if (instrumentId != null) {
            if (sameDetails(command)) {
                return CommandOutcome.repeated(instrumentId, AggregateLifecycle.getVersion());
            }
            throw new RuleViolation(CommandRule.INSTRUMENT_EXISTS, "instrument " + symbol + " is registered as " + name
                    + " (" + type + ", " + currency + ", " + exchange + ")");
        }
        Registration.validate(command);
        apply(new InstrumentRegisteredEvent(command.symbol(), command.name().strip(), command.type(),
                command.currency(), command.baseCurrency(), Registration.exchange(command.exchange()),
                command.registeredOn()));
        return CommandOutcome.recorded(command.instrumentId(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(IngestBarsCommand command, @MetaDataValue(InstrumentMetadata.TODAY) String today,
                          MarketRules market) {
        int size = command.bars() == null ? 0 : command.bars().size();
        if (size == 0 || size > MAX_BATCH) {
            throw new RuleViolation(size == 0 ? RequestRule.INVALID_FIELD : CommandRule.TOO_MANY_BARS, size
                    + " bars in one batch; send 1 to " + MAX_BATCH, "bars");
        }
        BarIntake intake = BarIntake.review(command.bars(), book, market.rules(),
                market.calendarFor(exchange, type), today(today));
        String runId = Objects.requireNonNullElse(command.runId(), "manual");
        MetaData origin = MetaData.with(MetadataKeys.INGESTION_RUN, runId)
                .and(MetadataKeys.SOURCE, Objects.requireNonNullElse(command.source(), "unknown"));
        if (!intake.ingested.isEmpty()) {
            apply(new BarsIngestedEvent(symbol, runId, command.source(), intake.ingested), origin);
        }
        for (BarIntake.Revision revision : intake.revisions) {
            Judgement revised = revision.revised();
            apply(new BarCorrectedEvent(symbol, runId, command.source(), revision.previous(), revised.bar(),
                    revised.verdict(), revised.findings(), "revised by " + command.source()), origin);
        }
        if (!intake.quarantined.isEmpty()) {
            apply(new BarsQuarantinedEvent(symbol, runId, command.source(), intake.quarantined), origin);
        }
        long version = AggregateLifecycle.getVersion();
        return (intake.changesNothing() ? CommandOutcome.repeated(instrumentId, version)
                : CommandOutcome.recorded(instrumentId, version)).withReport(intake.report());
    }

    /** A person's correction of a stored bar; it must pass the rules, else it is refused and nothing is stored. */
    @CommandHandler
    CommandOutcome handle(CorrectBarCommand command, @MetaDataValue(InstrumentMetadata.TODAY) String today,
                          MarketRules market) {
        Judgement read = market.rules().read(command.bar());
        if (read.bar() == null) {
            throw Corrections.rejected(read);
        }
        Bar stored = book.get(read.bar().date());
        if (stored == null) {
            throw new RuleViolation(CommandRule.BAR_NOT_FOUND, "no stored bar of " + symbol + " on " + read.bar().date()
                    + "; send new bars to POST /api/v1/instruments/" + symbol + "/bars");
        }
        if (stored.sameValuesAs(read.bar())) {
            return CommandOutcome.repeated(instrumentId, AggregateLifecycle.getVersion());
        }
        Judgement judged = market.rules().judge(read.bar(), today(today), market.calendarFor(exchange, type), book);
        if (judged.verdict() == Verdict.REJECTED) {
            throw Corrections.rejected(judged);
        }
        apply(new BarCorrectedEvent(symbol, "manual", "api", stored, judged.bar(), judged.verdict(),
                judged.findings(), command.reason()), MetaData.with(MetadataKeys.INGESTION_RUN, "manual"));
        return CommandOutcome.recorded(instrumentId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(RecordSplitCommand command) {
        Corrections.requireValidSplit(command, currency);
        BigDecimal ratio = command.numerator().divide(command.denominator(), java.math.MathContext.DECIMAL64);
        BigDecimal known = book.splitOn(command.effectiveDate());
        if (known != null) {
            return Corrections.repeatOrConflict(known.compareTo(ratio) == 0, instrumentId, "a split of ratio "
                    + known.toPlainString() + " is recorded for " + symbol + " on " + command.effectiveDate());
        }
        apply(new SplitRecordedEvent(symbol, command.effectiveDate(), command.numerator(), command.denominator(),
                command.source(), command.cashInLieuPrice() == null ? null
                : new Money(command.cashInLieuPrice(), currency).normalized(),
                command.cashInLieuFxRates() == null ? null : new TreeMap<>(command.cashInLieuFxRates())));
        return CommandOutcome.recorded(instrumentId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(RecordCashDividendCommand command) {
        Corrections.requireValidDividend(command, currency);
        BigDecimal known = dividends.get(command.exDate());
        if (known != null) {
            return Corrections.repeatOrConflict(known.compareTo(command.amountPerUnit().amount()) == 0,
                    instrumentId, "a dividend of " + known.toPlainString() + " is recorded for " + symbol
                            + " going ex on " + command.exDate());
        }
        apply(new CashDividendRecordedEvent(symbol, command.exDate(), command.amountPerUnit(), command.source()));
        return CommandOutcome.recorded(instrumentId, AggregateLifecycle.getVersion());
    }

    /** Records staleness once per newest bar: checking again before new bars arrive stores nothing more. */
    @CommandHandler
    CommandOutcome handle(CheckFreshnessCommand command) {
        LocalDate newest = book.newest();
        boolean fresh = newest != null && !newest.isBefore(command.expectedLatest());
        boolean reported = staleReportedFor != null && staleReportedFor.equals(newest == null ? LocalDate.EPOCH : newest);
        if (fresh || reported) {
            return CommandOutcome.repeated(instrumentId, AggregateLifecycle.getVersion());
        }
        apply(new PricesWentStaleEvent(symbol, newest, command.expectedLatest(), command.checkedOn()));
        return CommandOutcome.recorded(instrumentId, AggregateLifecycle.getVersion());
    }

    private boolean sameDetails(RegisterInstrumentCommand command) {
        return name.equals(command.name() == null ? null : command.name().strip()) && type == command.type()
                && currency.equals(command.currency()) && Objects.equals(baseCurrency, command.baseCurrency())
                && Objects.equals(exchange, Registration.exchange(command.exchange()));
    }

    private static LocalDate today(String today) {
        if (today == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "bar commands need the '" + InstrumentMetadata.TODAY
                    + "' metadata (InstrumentMetadata.withToday) for the future-date rule", InstrumentMetadata.TODAY);
        }
        return LocalDate.parse(today);
    }

    @EventSourcingHandler
    void on(InstrumentRegisteredEvent event) {
        instrumentId = InstrumentCommand.instrumentId(event.symbol());
        symbol = event.symbol();
        name = event.name();
        type = event.type();
        currency = event.currency();
        baseCurrency = event.baseCurrency();
        exchange = event.exchange();
    }

    @EventSourcingHandler
    void on(BarsIngestedEvent event) {
        for (IngestedBar bar : event.bars()) {
            book.put(bar.bar());
        }
    }

    @EventSourcingHandler
    void on(BarCorrectedEvent event) {
        book.put(event.corrected());
    }

    @EventSourcingHandler
    void on(SplitRecordedEvent event) {
        book.split(event.effectiveDate(), event.ratio());
    }

    @EventSourcingHandler
    void on(CashDividendRecordedEvent event) {
        dividends.put(event.exDate(), event.amountPerUnit().amount());
    }

    @EventSourcingHandler
    void on(PricesWentStaleEvent event) {
        staleReportedFor = event.newestBar() == null ? LocalDate.EPOCH : event.newestBar();
    }
}
