package dev.finflow.command.instruments;

import dev.finflow.runtime.dispatch.CachingTargetResolver;
import dev.finflow.command.instruments.domain.quality.MarketRules;
import dev.finflow.command.instruments.domain.quality.QualitySettings;
import dev.finflow.events.calendar.TradingCalendar;
import dev.finflow.events.calendar.TradingCalendars;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Symbol;
import dev.finflow.command.instruments.domain.Instrument;
import dev.finflow.command.instruments.domain.InstrumentMetadata;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared givens for the Instrument tests: an equity on a calendar with one holiday (2024-01-15). */
final class InstrumentFixtures {

    static final Symbol ACME = new Symbol("ACME");
    static final LocalDate HOLIDAY = LocalDate.of(2024, 1, 15);
    static final TradingCalendar CALENDAR = new TradingCalendar("NASDAQ",
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(HOLIDAY));
    static final Map<String, Object> TODAY = Map.of(InstrumentMetadata.TODAY, "2024-06-28");

    private InstrumentFixtures() {
    }

    static AggregateTestFixture<Instrument> fixture() {
        AggregateTestFixture<Instrument> fixture = new AggregateTestFixture<>(Instrument.class);
        fixture.registerCommandTargetResolver(new CachingTargetResolver());
        fixture.registerInjectableResource(new MarketRules(QualitySettings.defaults(),
                new TradingCalendars(Map.of("NASDAQ", CALENDAR))));
        return fixture;
    }

    static InstrumentRegisteredEvent registered() {
        return new InstrumentRegisteredEvent(ACME, "Acme Corp", InstrumentType.EQUITY, Currency.getInstance("USD"),
                null, "NASDAQ", LocalDate.of(2024, 1, 2));
    }

    static RawBar raw(String date, String open, String high, String low, String close, String volume) {
        return new RawBar(date, open, high, low, close, null, volume);
    }

    /** A sound bar closing at {@code close}, its range 1% around it. */
    static RawBar around(LocalDate date, String close, long volume) {
        BigDecimal c = new BigDecimal(close);
        return new RawBar(date.toString(), c.toPlainString(), c.multiply(new BigDecimal("1.01")).toPlainString(),
                c.multiply(new BigDecimal("0.99")).toPlainString(), c.toPlainString(), null, Long.toString(volume));
    }

    static Bar bar(RawBar raw) {
        return new Bar(LocalDate.parse(raw.date()), new BigDecimal(raw.open()), new BigDecimal(raw.high()),
                new BigDecimal(raw.low()), new BigDecimal(raw.close()),
                raw.adjustedClose() == null ? null : new BigDecimal(raw.adjustedClose()), Long.parseLong(raw.volume()));
    }

    static IngestedBar accepted(RawBar raw) {
        return new IngestedBar(bar(raw), Verdict.ACCEPTED, List.of());
    }

    /** {@code n} trading days of {@link #CALENDAR} from {@code first} on. */
    static List<LocalDate> tradingDays(LocalDate first, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; days.size() < n; day = day.plusDays(1)) {
            if (CALENDAR.isTradingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** 25 quiet days from 2024-02-01, closes alternating 100 and 101 (a daily volatility of about 1%). */
    static List<RawBar> quietHistory() {
        List<RawBar> bars = new ArrayList<>();
        List<LocalDate> days = tradingDays(LocalDate.of(2024, 2, 1), 25);
        for (int i = 0; i < days.size(); i++) {
            bars.add(around(days.get(i), i % 2 == 0 ? "100" : "101", 1000 + i));
        }
        return bars;
    }

    static BarsIngestedEvent ingested(List<RawBar> bars) {
        return new BarsIngestedEvent(ACME, "run-0", "test", bars.stream().map(InstrumentFixtures::accepted).toList());
    }

    static IngestBarsCommand ingest(RawBar... bars) {
        return new IngestBarsCommand(ACME, "run-1", "test", List.of(bars));
    }
}
