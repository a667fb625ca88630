package dev.finflow.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes N valid ledger events straight into the event store (JDBC batch inserts, the JSON the command side
 * stores): 1,000 accounts trading a handful of symbols over about three years (deposits, buys, sells that never
 * oversell, dividends, fees and fee reversals), plus one account with {@code --big} transactions for the time
 * travel measurement. Accounts take turns, so global order is close to date order, as in real use. Most events are
 * recorded on their effective date; one deposit, buy or fee in fifty is backdated by 1 to 30 days (recorded on the
 * account's current day), so "as known at" reads meet backdating as in real use.
 */
final class LedgerEventGenerator {

    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "ASML", "SAP", "VWCE", "IWDA", "TSLA"};
    private static final String PACKAGE = "dev.finflow.events.ledger.";

    private final SplittableRandom random = new SplittableRandom(42);
    private final List<String> batch = new ArrayList<>();

    /** One account's running state: what it may sell and the fee it may reverse. */
    private static final class Account {
        final String id;
        long sequence;
        LocalDate day = LocalDate.of(2022, 1, 3);
        /** The effective date of the event being written: {@code day}, or earlier for a backdated one. */
        LocalDate effective = day;
        long cashCents;
        final long[] units = new long[SYMBOLS.length];
        String lastFee;
        long lastFeeCents;
        int tx;

        Account(String id) {
            this.id = id;
        }
    }

    static void run(Options options) throws Exception {
        long events = Long.parseLong(options.get("events", "1000000"));
        int accounts = options.getInt("accounts", 1000);
        int big = options.getInt("big", 10000);
        try (Connection connection = DriverManager.getConnection(options.get("jdbc", ""))) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long written = new LedgerEventGenerator().generate(connection, events, accounts, big);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("generated %,d events (%d accounts + big-1 with %d transactions) in %.1f s (%.0f/s)%n",
                    written, accounts, big, seconds, written / seconds);
        }
    }

    long generate(Connection connection, long events, int accountCount, int big) throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            accounts.add(new Account("acc-" + i));
        }
        Account bigAccount = new Account("big-1");
        String sql = "insert into events.domain_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "values (?, ?, 'Account', ?, ?, ?, '1', ?, ?)";
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Account account : accounts) {
                written += add(insert, account, "AccountOpenedEvent", opened(account));
            }
            written += add(insert, bigAccount, "AccountOpenedEvent", opened(bigAccount));
            long bigEvery = Math.max(1, (events - accountCount) / Math.max(1, big));
            for (long i = 0; written < events; i++) {
                Account account = bigAccount.tx < big && i % bigEvery == 0 ? bigAccount
                        : accounts.get((int) (i % accountCount));
                String[] next = next(account);
                written += add(insert, account, next[0], next[1]);
                if (written % 5000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return written;
    }

    private int add(PreparedStatement insert, Account account, String type, String payload) throws Exception {
        String effective = account.effective.toString();
        Instant recorded = account.day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)
                .plusMillis(random.nextInt(3_600_000));
        insert.setString(1, account.id);
        insert.setLong(2, account.sequence++);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setString(4, "{\"principal\":\"bench\",\"correlationId\":\"" + UUID.randomUUID() + "\",\"causationId\":\""
                + UUID.randomUUID() + "\",\"recordedAt\":\"" + recorded + "\",\"effectiveDate\":\"" + effective
                + "\",\"source\":\"bench\"}");
        insert.setString(5, payload);
        insert.setString(6, PACKAGE + type);
        insert.setString(7, recorded.toString());
        insert.addBatch();
        return 1;
    }

    private String[] next(Account a) {
        a.tx++;
        a.day = a.day.plusDays(random.nextInt(3));
        a.effective = a.day;
        String id = "tx-" + a.tx;
        int symbol = random.nextInt(SYMBOLS.length);
        int roll = random.nextInt(100);
        if (random.nextInt(50) == 0 && (a.cashCents < 100_000 || roll < 10 || roll >= 35 && roll < 42 || roll >= 45)) {
            // Backdated: a deposit, fee or buy (never a sale or reversal, which depend on what came before).
            a.effective = a.day.minusDays(1 + random.nextInt(30));
        }
        if (a.cashCents < 100_000 || roll < 10) {
            long cents = 100_000 + random.nextInt(1_000_000);
            a.cashCents += cents;
            return new String[]{"CashDepositedEvent", head(a, id) + ",\"amount\":" + money(cents) + ",\"bookingDate\":\""
                    + a.effective + "\",\"legs\":[" + leg("CASH", "EUR", cents, cents) + ","
                    + leg("EXTERNAL", "EUR", -cents, -cents) + "]}"};
        }
        if (roll < 25 && a.units[symbol] > 0) {
            long units = 1 + random.nextInt((int) Math.min(a.units[symbol], 20));
            long cents = units * (5_000 + random.nextInt(30_000));
            a.units[symbol] -= units;
            a.cashCents += cents;
            return trade(a, id, "SELL", symbol, -units, -cents);
        }
        if (roll < 35 && a.units[symbol] > 0) {
            long cents = 100 + random.nextInt(10_000);
            a.cashCents += cents;
            return new String[]{"DividendRecordedEvent", head(a, id) + ",\"symbol\":\"" + SYMBOLS[symbol]
                    + "\",\"amount\":" + money(cents) + ",\"paymentDate\":\"" + a.effective + "\",\"legs\":["
                    + leg("CASH", "EUR", cents, cents) + "," + leg("INCOME", SYMBOLS[symbol], -cents, -cents) + "]}"};
        }
        if (roll < 42) {
            long cents = 100 + random.nextInt(1_000);
            a.cashCents -= cents;
            a.lastFee = id;
            a.lastFeeCents = cents;
            return fee(a, id, cents);
        }
        if (roll < 45 && a.lastFee != null) {
            String reversed = a.lastFee;
            long cents = a.lastFeeCents;
            a.lastFee = null;
            a.cashCents += cents;
            return new String[]{"TransactionReversedEvent", head(a, id) + ",\"reversedTransactionId\":\"" + reversed
                    + "\",\"bookingDate\":\"" + a.effective + "\",\"reason\":\"waived\",\"legs\":[" + leg("CASH", "EUR",
                    cents, cents) + "," + leg("EXPENSE", "EUR", -cents, -cents) + "]}"};
        }
        long units = 1 + random.nextInt(10);
        long cents = Math.min(a.cashCents, units * (5_000 + random.nextInt(30_000)));
        a.units[symbol] += units;
        a.cashCents -= cents;
        return trade(a, id, "BUY", symbol, units, cents);
    }

    private String[] fee(Account a, String id, long cents) {
        return new String[]{"FeeChargedEvent", head(a, id) + ",\"amount\":" + money(cents) + ",\"bookingDate\":\""
                + a.effective + "\",\"memo\":\"custody\",\"legs\":[" + leg("CASH", "EUR", -cents, -cents) + ","
                + leg("EXPENSE", "EUR", cents, cents) + "]}"};
    }

    private String[] trade(Account a, String id, String side, int symbol, long units, long cents) {
        long perUnit = Math.abs(cents / units);
        return new String[]{"TradeRecordedEvent", head(a, id) + ",\"side\":\"" + side + "\",\"symbol\":\""
                + SYMBOLS[symbol] + "\",\"quantity\":" + Math.abs(units) + ",\"price\":" + money(perUnit)
                + ",\"fee\":{\"amount\":0.00,\"currency\":\"EUR\"},\"tradeDate\":\"" + a.effective + "\",\"legs\":["
                + "{\"type\":\"SECURITY\",\"asset\":\"" + SYMBOLS[symbol] + "\",\"quantity\":" + units + ",\"amount\":"
                + cents(cents) + "}," + leg("CASH", "EUR", -cents, -cents) + "]}"};
    }

    private static String head(Account a, String id) {
        return "{\"accountId\":\"" + a.id + "\",\"transactionId\":\"" + id + "\"";
    }

    private static String opened(Account a) {
        return "{\"accountId\":\"" + a.id + "\",\"name\":\"Bench\",\"currency\":\"EUR\",\"overdraftLimit\":0,"
                + "\"openedOn\":\"" + a.effective + "\"}";
    }

    private static String money(long cents) {
        return "{\"amount\":" + cents(cents) + ",\"currency\":\"EUR\"}";
    }

    private static String leg(String type, String asset, long quantityCents, long amountCents) {
        return "{\"type\":\"" + type + "\",\"asset\":\"" + asset + "\",\"quantity\":" + cents(quantityCents)
                + ",\"amount\":" + cents(amountCents) + "}";
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
