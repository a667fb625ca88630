package dev.finflow.query;

import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.DividendRecordedEvent;
import dev.finflow.events.ledger.FeeChargedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.ledger.TransferReceivedEvent;
import dev.finflow.events.ledger.TransferSentEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The foundation issue's ledger scenario, as the events the command side stores for it (same legs, same
 * metadata): open two accounts, deposit, buy, sell, dividend, fee, reverse the fee, transfer. The refused
 * oversell stores nothing, so it has no event here.
 */
public final class LedgerScenario {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final EventAppender events;
    /** The position each step was stored at, by transaction id (accounts by their id). */
    public final Map<String, Long> positions = new LinkedHashMap<>();
    public final List<Long> all = new ArrayList<>();
    /** When set, each event is stamped in a later millisecond than the one before (the store's resolution). */
    private boolean apart;
    private long lastMillis;

    public LedgerScenario(EventAppender events) {
        this.events = events;
    }

    /**
     * Stamps every event this scenario records in its own millisecond, so that reads "as known at" each recorded
     * instant see exactly the events up to it (on a fast machine several would otherwise share one).
     */
    public LedgerScenario oneMillisecondApart() {
        apart = true;
        return this;
    }

    public LedgerScenario run(String a1, String a2) {
        open(a1, "alice");
        open(a2, "alice");
        record(a1, "d1", "alice", new CashDepositedEvent(id(a1), tx("d1"), eur("10000.00"), null,
                day("2024-01-03"), null, List.of(cash("10000.00"), leg(LegType.EXTERNAL, "EUR", "-10000.00"))));
        record(a1, "b1", "bob", new TradeRecordedEvent(id(a1), tx("b1"), TradeSide.BUY, new Symbol("AAPL"),
                Quantity.of("10"), eur("150.00"), eur("1.00"), null, day("2024-01-04"), null,
                List.of(security("AAPL", "10", "1501.00"), cash("-1501.00"))));
        record(a1, "s1", "bob", new TradeRecordedEvent(id(a1), tx("s1"), TradeSide.SELL, new Symbol("AAPL"),
                Quantity.of("4"), eur("170.00"), eur("1.00"), null, day("2024-02-05"), null,
                List.of(security("AAPL", "-4", "-679.00"), cash("679.00"))));
        record(a1, "dv1", "bob", new DividendRecordedEvent(id(a1), tx("dv1"), new Symbol("AAPL"), eur("8.20"), null,
                day("2024-02-15"), null, List.of(cash("8.20"), leg(LegType.INCOME, "AAPL", "-8.20"))));
        record(a1, "f1", "carol", new FeeChargedEvent(id(a1), tx("f1"), eur("2.50"), null, day("2024-02-28"),
                "custody", List.of(cash("-2.50"), leg(LegType.EXPENSE, "EUR", "2.50"))));
        record(a1, "r1", "carol", new TransactionReversedEvent(id(a1), tx("r1"), tx("f1"), day("2024-03-01"),
                "fee waived", List.of(cash("2.50"), leg(LegType.EXPENSE, "EUR", "-2.50")), day("2024-03-01")));
        record(a1, "t1", "alice", new TransferSentEvent(id(a1), tx("t1"), id(a2), eur("500.00"), null,
                day("2024-03-02"), null, List.of(cash("-500.00"), leg(LegType.TRANSFER, a2, "500.00"))));
        record(a2, "t1-in", "alice", new TransferReceivedEvent(id(a2), tx("t1"), id(a1), eur("500.00"), null,
                eur("500.00"), day("2024-03-02"), null, List.of(cash("500.00"), leg(LegType.TRANSFER, a1,
                        "-500.00"))));
        return this;
    }

    public long open(String account, String principal) {
        return record(account, account, principal, new AccountOpenedEvent(id(account), "Main", EUR,
                BigDecimal.ZERO, day("2024-01-02")));
    }

    public long record(String aggregate, String step, String principal, Object payload) {
        String type = payload instanceof SplitRecordedEvent ? "Instrument" : "Account";
        if (apart) {
            while (System.currentTimeMillis() <= lastMillis) {
                Thread.onSpinWait();
            }
        }
        long position = events.append(type, aggregate, payload, principal, "corr-" + step);
        lastMillis = System.currentTimeMillis();
        positions.put(step, position);
        all.add(position);
        return position;
    }

    public long last() {
        return all.get(all.size() - 1);
    }

    public static AccountId id(String account) {
        return new AccountId(account);
    }

    public static TransactionId tx(String id) {
        return new TransactionId(id);
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    public static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    public static Leg cash(String amount) {
        return new Leg(LegType.CASH, "EUR", new BigDecimal(amount), new BigDecimal(amount));
    }

    public static Leg security(String symbol, String quantity, String amount) {
        return new Leg(LegType.SECURITY, symbol, new BigDecimal(quantity), new BigDecimal(amount));
    }

    public static Leg leg(LegType type, String asset, String amount) {
        return new Leg(type, asset, new BigDecimal(amount), new BigDecimal(amount));
    }

    public static TradeRecordedEvent trade(String account, String id, TradeSide side, String symbol, String quantity,
                                           String price, String date, String legAmount) {
        BigDecimal units = new BigDecimal(quantity);
        BigDecimal amount = new BigDecimal(legAmount);
        boolean buy = side == TradeSide.BUY;
        return new TradeRecordedEvent(id(account), tx(id), side, new Symbol(symbol), Quantity.of(quantity), eur(price),
                eur("0.00"), null, day(date), null, List.of(
                new Leg(LegType.SECURITY, symbol, buy ? units : units.negate(), buy ? amount : amount.negate()),
                new Leg(LegType.CASH, "EUR", buy ? amount.negate() : amount, buy ? amount.negate() : amount)));
    }
}
