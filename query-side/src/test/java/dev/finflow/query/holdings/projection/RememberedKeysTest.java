package dev.finflow.query.holdings.projection;

import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.QuerySideTest;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.TableChecksums;
import dev.finflow.runtime.projection.TableSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.trade;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key states a large batch remembers for the next one: they are always what is stored, and the holdings are
 * the same as when every batch reads its keys, also when someone else writes the version between two batches or a
 * batch rolls back.
 */
@QuerySideTest
class RememberedKeysTest {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "SAP");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final TableSet reading = new TableSet(HoldingsProjection.NAME, 901, HoldingTables.ALL);
    private final TableSet remembering = new TableSet(HoldingsProjection.NAME, 902, HoldingTables.ALL);

    @AfterEach
    void dropTables() {
        for (TableSet tables : List.of(reading, remembering)) {
            tables.bases().forEach(base -> jdbc.execute("drop table if exists " + tables.name(base)));
        }
    }

    @Test
    void rememberedKeysAreWhatIsStoredAndGiveTheSameHoldingsWhateverElseWritesTheVersion() {
        for (TableSet tables : List.of(reading, remembering)) {
            tables.bases().forEach(base -> jdbc.execute("create table " + tables.name(base) + " (like query."
                    + base + "_template including all)"));
        }
        List<List<ProjectedEvent>> batches = batches(ledger(new Random(15)), 40);
        HoldingsProjection readsAll = new HoldingsProjection(Integer.MAX_VALUE);
        HoldingsProjection remembers = new HoldingsProjection(1);
        HoldingsProjection otherInstance = new HoldingsProjection(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        int used = 0;
        for (int i = 0; i < batches.size(); i++) {
            List<ProjectedEvent> batch = batches.get(i);
            transaction.executeWithoutResult(status -> readsAll.apply(batch, reading, jdbc));
            if (i % 7 == 3) {
                // Another writer of the version between two of its batches: an instance that reads every key.
                transaction.executeWithoutResult(status -> readsAll.apply(batch, remembering, jdbc));
            } else if (i % 7 == 5) {
                // Another instance that remembers too.
                transaction.executeWithoutResult(status -> otherInstance.apply(batch, remembering, jdbc));
            } else {
                if (i % 7 == 1) {
                    // A batch that rolls back after it remembered its keys: applied again, it must read them.
                    transaction.executeWithoutResult(status -> {
                        remembers.apply(batch, remembering, jdbc);
                        status.setRollbackOnly();
                    });
                }
                RememberedKeys before = remembers.remembered(remembering);
                if (before != null && before.fingerprint().equals(fingerprint())) {
                    used++;
                }
                transaction.executeWithoutResult(status -> remembers.apply(batch, remembering, jdbc));
                RememberedKeys after = remembers.remembered(remembering);
                assertThat(after).as("batch %d", i).isNotNull();
                assertThat(after.states()).as("batch %d remembers what is stored", i)
                        .isEqualTo(new HoldingTables(jdbc, remembering).load(after.states().keySet()));
            }
        }
        assertThat(used).as("batches that used what the one before remembered").isGreaterThan(5);
        assertThat(TableChecksums.of(jdbc, remembering).values())
                .containsExactlyElementsOf(TableChecksums.of(jdbc, reading).values());
        assertThat(jdbc.queryForObject("select count(*) from " + reading.name(HoldingTables.HISTORY), Long.class))
                .isGreaterThan(300);
        assertThat(jdbc.queryForObject("select count(*) from " + remembering.name(HoldingTables.SPLITS), Long.class))
                .isEqualTo(2);
    }

    private String fingerprint() {
        return new HoldingTables(jdbc, remembering).keysFingerprint();
    }

    /** Thirty accounts trading three symbols, with backdated trades, reversals and two splits, in store order. */
    private static List<ProjectedEvent> ledger(Random random) {
        List<Object> payloads = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
            accounts.add("rk-" + a);
            payloads.add(new AccountOpenedEvent(id("rk-" + a), "Main", Currency.getInstance("EUR"), BigDecimal.ZERO,
                    LocalDate.of(2023, 1, 2)));
        }
        List<TradeRecordedEvent> trades = new ArrayList<>();
        LocalDate today = LocalDate.of(2023, 1, 3);
        for (int i = 0; i < 900; i++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            today = today.plusDays(random.nextInt(3) == 0 ? 1 : 0);
            LocalDate date = random.nextInt(7) == 0 ? today.minusDays(1 + random.nextInt(60)) : today;
            int kind = random.nextInt(20);
            if (i == 300 || i == 600) {
                payloads.add(new SplitRecordedEvent(new Symbol(SYMBOLS.get(i / 300)), today.minusDays(10),
                        new BigDecimal("3"), new BigDecimal("2"), "test"));
            } else if (kind < 6) {
                String amount = (1000 + random.nextInt(9000)) + ".00";
                payloads.add(new CashDepositedEvent(id(account), tx("rk-d" + i), eur(amount), null, date, null,
                        List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount))));
            } else if (kind < 17) {
                String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
                boolean buy = kind < 13;
                int quantity = 1 + random.nextInt(buy ? 20 : 5);
                int price = 50 + random.nextInt(100);
                TradeRecordedEvent trade = trade(account, "rk-t" + i, buy ? TradeSide.BUY : TradeSide.SELL, symbol,
                        String.valueOf(quantity), price + ".00", date.toString(), (quantity * price) + ".00");
                trades.add(trade);
                payloads.add(trade);
            } else if (kind < 19 && !trades.isEmpty()) {
                TradeRecordedEvent reversed = trades.remove(random.nextInt(trades.size()));
                payloads.add(new TransactionReversedEvent(reversed.accountId(), tx("rk-r" + i),
                        reversed.transactionId(), today, "mistake", reversed.legs().stream().map(l -> new Leg(
                        l.type(), l.asset(), l.quantity().negate(), l.amount().negate())).toList(),
                        reversed.effectiveDate()));
            }
        }
        List<ProjectedEvent> events = new ArrayList<>();
        Instant recorded = Instant.parse("2024-06-01T10:00:00Z");
        for (Object payload : payloads) {
            long position = events.size() + 1;
            events.add(new ProjectedEvent(position, "rk-event-" + position, "aggregate", position,
                    recorded.plusMillis(position), payload, Map.of()));
        }
        return events;
    }

    private static List<List<ProjectedEvent>> batches(List<ProjectedEvent> events, int size) {
        List<List<ProjectedEvent>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += size) {
            batches.add(events.subList(from, Math.min(events.size(), from + size)));
        }
        return batches;
    }
}
