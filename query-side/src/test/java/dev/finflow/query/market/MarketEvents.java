package dev.finflow.query.market;

import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.CashDividendRecordedEvent;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.QuarantinedBar;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Appends the market events the command side would emit for one instrument, for the market read-model tests. */
public record MarketEvents(EventAppender appender, String symbol) {

    public long append(Object event) {
        return appender.append("Instrument", "instrument/" + symbol, event, "market-test", "c-" + symbol);
    }

    public long register(InstrumentType type, String currency, String baseCurrency) {
        return append(new InstrumentRegisteredEvent(new Symbol(symbol), symbol + " Inc.", type,
                Currency.getInstance(currency), baseCurrency == null ? null : Currency.getInstance(baseCurrency),
                "TEST", LocalDate.of(2024, 1, 1)));
    }

    public long ingest(IngestedBar... bars) {
        return append(new BarsIngestedEvent(new Symbol(symbol), "run-1", "test", List.of(bars)));
    }

    public long quarantine(QuarantinedBar... bars) {
        return append(new BarsQuarantinedEvent(new Symbol(symbol), "run-1", "test", List.of(bars)));
    }

    public long correct(Bar previous, Bar corrected, Verdict verdict, Finding... findings) {
        return append(new BarCorrectedEvent(new Symbol(symbol), "run-2", "test", previous, corrected, verdict,
                List.of(findings), "provider revised it"));
    }

    public long split(String date, String numerator, String denominator) {
        return append(new SplitRecordedEvent(new Symbol(symbol), LocalDate.parse(date), new BigDecimal(numerator),
                new BigDecimal(denominator), "test"));
    }

    public long dividend(String exDate, String amount, String currency) {
        return append(new CashDividendRecordedEvent(new Symbol(symbol), LocalDate.parse(exDate),
                Money.of(amount, currency), "test"));
    }

    public static Bar bar(String date, String open, String high, String low, String close, long volume) {
        return new Bar(LocalDate.parse(date), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), null, volume);
    }

    public static IngestedBar accepted(Bar bar) {
        return new IngestedBar(bar, Verdict.ACCEPTED, List.of());
    }

    public static IngestedBar flagged(Bar bar, Finding... findings) {
        return new IngestedBar(bar, Verdict.FLAGGED, List.of(findings));
    }

    public static QuarantinedBar rejected(String date, String close, Finding... findings) {
        return new QuarantinedBar(new RawBar(date, close, close, close, close, null, "100"), List.of(findings));
    }
}
