package dev.finflow.ml.poison;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.market.Bar;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legacy events with values beyond a double (an amount of 1e400, a bar priced 1e400 with verdict ACCEPTED),
 * written straight into the store: the ml processors keep the amount and price exactly, store features that
 * cannot be computed as null with a flag, and keep every other account and symbol current.
 */
@MlTest
class PoisonEventsTest {

    private static final BigDecimal ABSURD = new BigDecimal("1e400");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void anAmountBeyondADoubleIsKeptExactlyAndOtherAccountsStayCurrent() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        deposit(events, "huge-1", "t1", ABSURD);
        deposit(events, "fine-1", "t2", new BigDecimal("12.50"));
        events.awaitProjected();

        assertThat(jdbc.queryForObject("select amount = 1e400 from ml.account_amount where account_id = 'huge-1'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select amount from ml.account_amount where account_id = 'fine-1'",
                BigDecimal.class)).isEqualByComparingTo("12.50");
    }

    @Test
    void aBarPricedBeyondADoubleGivesNullFeaturesWithAFlagAndOtherSymbolsStayCurrent() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        List<Bar> bars = new ArrayList<>(MarketEvents.realBars("GOOGL").subList(0, 30));
        Bar real = bars.get(25);
        bars.set(25, MarketEvents.bar(real.date(), ABSURD, real.volume()));
        events.ingest("HUGE", bars);
        events.ingest("FINE", MarketEvents.realBars("GOOGL").subList(0, 30));
        events.awaitProjected();

        assertThat(jdbc.queryForObject("select close = 1e400 from ml.bar where symbol = 'HUGE' and bar_date = ?",
                Boolean.class, real.date())).isTrue();
        Map<String, Object> poisoned = jdbc.queryForMap("select close, log_return, non_finite from ml.feature "
                + "where symbol = 'HUGE' and bar_date = ?", real.date());
        assertThat(poisoned.get("close")).isNull();
        assertThat(poisoned.get("log_return")).isNull();
        assertThat(poisoned.get("non_finite")).isEqualTo(true);
        assertThat(jdbc.queryForObject("select count(*) from ml.feature where symbol = 'HUGE' and not non_finite "
                + "and bar_date < ?", Long.class, real.date())).isEqualTo(25);
        assertThat(jdbc.queryForObject("select count(*) from ml.feature where symbol = 'FINE' and not non_finite",
                Long.class)).isEqualTo(30);
    }

    private static void deposit(MarketEvents events, String account, String transaction, BigDecimal amount) {
        Money money = new Money(amount, java.util.Currency.getInstance("EUR"));
        events.appendTo("Account", account, new CashDepositedEvent(new AccountId(account),
                new TransactionId(transaction), money, null, LocalDate.of(2016, 1, 1), null, List.of(
                new Leg(LegType.CASH, "EUR", amount, amount),
                new Leg(LegType.EXTERNAL, "EUR", amount.negate(), amount.negate()))));
    }
}
