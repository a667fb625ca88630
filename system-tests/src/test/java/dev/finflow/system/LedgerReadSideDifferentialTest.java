package dev.finflow.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestDatabase;
import dev.finflow.testing.TestIssuer;
import dev.finflow.testing.TestTokens;
import dev.finflow.testing.ledger.ReferenceLedger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's differential test of the whole ledger: random trades (some backdated), instrument splits, dividends,
 * fees and reversals over two accounts, sent through the command side's HTTP API, each accepted or refused as the
 * {@link ReferenceLedger} of test-support decides; then the query side's holdings now and {@code asOf}, monthly
 * balances and valuation must show exactly what the reference holds, to the last decimal. Splits travel from
 * the instrument to the accounts through the command side's split process, so after each split and each buy
 * the test waits until every account that bought the symbol has applied every split of it. A fixed seed and a
 * random one (or {@code -Dfinflow.differential.seed=} to replay one); both printed.
 */
class LedgerReadSideDifferentialTest {

    /** Decimals read exactly, never through a double. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String TOKEN = TestTokens.bearer("ledger-differential", Role.values());
    private static final LocalDate OPENED = LocalDate.of(2024, 1, 2);
    /** Trades, splits and dividends fall before the one bar each symbol has; valuation is asked after it. */
    private static final LocalDate BAR_DATE = LocalDate.of(2024, 12, 30);
    private static final LocalDate VALUED = LocalDate.of(2024, 12, 31);
    /** The close of each run's first and second symbol on {@link #BAR_DATE}. */
    private static final List<BigDecimal> CLOSES = List.of(new BigDecimal("12.34"), new BigDecimal("7.77"));
    private static final int ACCOUNTS = 2;
    private static final int STEPS = 90;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void holdingsBalancesAndValuationEqualTheReferenceFold() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> environment = Map.of("FINFLOW_DB_URL", database.jdbcUrl(),
                    "FINFLOW_DB_USER", database.username(), "FINFLOW_DB_PASSWORD", database.password(),
                    "FINFLOW_OIDC_ISSUER_URI", TestIssuer.shared().uri());
            try (Service command = Service.start("differential-command-side", "command-side", environment);
                 Service query = Service.start("differential-query-side", "query-side", environment)) {
                for (Service service : List.of(command, query)) {
                    service.awaitHealthy(Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300)));
                }
                long[] seeds = {20261205L, Long.getLong("finflow.differential.seed", new Random().nextLong())};
                for (int r = 0; r < seeds.length; r++) {
                    // Each run has its own instruments: a split reaches every holder, other runs' accounts too.
                    List<String> symbols = List.of("DFA" + (char) ('A' + r), "DFB" + (char) ('A' + r));
                    for (int i = 0; i < symbols.size(); i++) {
                        register(command, symbols.get(i), CLOSES.get(i));
                    }
                    run(seeds[r], symbols, command, query, database);
                }
            }
        }
    }

    private void register(Service command, String symbol, BigDecimal closeOnBarDate) throws Exception {
        expect(post(command, "/api/v1/instruments", "{\"symbol\":\"" + symbol + "\",\"name\":\"" + symbol
                + "\",\"type\":\"EQUITY\",\"currency\":\"EUR\",\"exchange\":\"XETRA\"}"), 201);
        String close = closeOnBarDate.toPlainString();
        expect(post(command, "/api/v1/instruments/" + symbol + "/bars", "{\"bars\":[{\"date\":\"" + BAR_DATE
                + "\",\"open\":\"" + close + "\",\"high\":\"" + close + "\",\"low\":\"" + close
                + "\",\"close\":\"" + close + "\",\"volume\":\"1000\"}]}"), 200, 201);
    }

    private void run(long seed, List<String> symbols, Service command, Service query, TestDatabase database)
            throws Exception {
        System.out.println("LedgerReadSideDifferentialTest seed " + seed);
        Random random = new Random(seed);
        String prefix = "s" + Long.toHexString(seed).replace('-', 'm') + "-";
        List<String> accounts = new ArrayList<>();
        Map<String, ReferenceLedger> ledgers = new HashMap<>();
        Map<String, Set<String>> bought = new HashMap<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = prefix + a;
            expect(post(command, "/api/v1/accounts", "{\"accountId\":\"" + account + "\",\"name\":\"Differential\","
                    + "\"currency\":\"EUR\",\"openedOn\":\"" + OPENED + "\"}"), 201);
            accounts.add(account);
            ledgers.put(account, new ReferenceLedger());
            bought.put(account, new HashSet<>());
        }
        Map<String, List<LocalDate>> splits = new HashMap<>();
        int[] decided = new int[2];
        for (int step = 0; step < STEPS; step++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            ReferenceLedger ledger = ledgers.get(account);
            String id = prefix + "t" + step;
            LocalDate date = OPENED.plusDays(1 + random.nextInt(330));
            String symbol = symbols.get(random.nextInt(symbols.size()));
            int kind = random.nextInt(100);
            String transactions = "/api/v1/accounts/" + account + "/transactions";
            boolean expected;
            int status;
            if (kind < 8) {
                // A split of the instrument reaches every account that has bought the symbol (or buys it later).
                List<LocalDate> known = splits.computeIfAbsent(symbol, s -> new ArrayList<>());
                if (known.contains(date)) {
                    continue;
                }
                String[] ratio = new String[][]{{"2", "1"}, {"1", "2"}, {"3", "1"}, {"1", "3"}}[random.nextInt(4)];
                expect(post(command, "/api/v1/instruments/" + symbol + "/splits", "{\"effectiveDate\":\"" + date
                        + "\",\"numerator\":" + ratio[0] + ",\"denominator\":" + ratio[1] + "}"), 201);
                known.add(date);
                for (ReferenceLedger each : ledgers.values()) {
                    each.split(symbol, date, new BigDecimal(ratio[0]), new BigDecimal(ratio[1]), null);
                }
                awaitSplitsApplied(database, bought, splits);
                continue;
            } else if (kind < 24) {
                BigDecimal amount = amount(random, 2000);
                expected = ledger.deposit(id, date, amount);
                status = post(command, transactions, cash(id, "DEPOSIT", amount, date));
            } else if (kind < 34) {
                BigDecimal amount = amount(random, 800);
                expected = ledger.withdraw(id, date, amount);
                status = post(command, transactions, cash(id, "WITHDRAWAL", amount, date));
            } else if (kind < 54) {
                BigDecimal units = BigDecimal.valueOf(1 + random.nextInt(20));
                BigDecimal price = amount(random, 60);
                expected = ledger.buy(id, symbol, units, price, date);
                status = post(command, transactions, trade(id, "BUY", symbol, units, price, date));
                if (status == 201) {
                    bought.get(account).add(symbol);
                    awaitSplitsApplied(database, bought, splits);
                }
            } else if (kind < 72) {
                BigDecimal units = BigDecimal.valueOf(1 + random.nextInt(25));
                BigDecimal price = new BigDecimal("10.00");
                expected = ledger.sell(id, symbol, units, price, date);
                status = post(command, transactions, trade(id, "SELL", symbol, units, price, date));
            } else if (kind < 78) {
                BigDecimal amount = amount(random, 30);
                expected = ledger.dividend(id, symbol, date, amount);
                status = post(command, transactions, "{\"transactionId\":\"" + id + "\",\"type\":\"DIVIDEND\","
                        + "\"symbol\":\"" + symbol + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\","
                        + "\"date\":\"" + date + "\"}");
            } else if (kind < 84) {
                BigDecimal amount = amount(random, 10);
                expected = ledger.fee(id, date, amount);
                status = post(command, transactions, cash(id, "FEE", amount, date));
            } else {
                List<String> reversible = ledger.reversibleIds();
                if (reversible.isEmpty()) {
                    continue;
                }
                String original = reversible.get(random.nextInt(reversible.size()));
                LocalDate originalDate = ledger.dateOf(original);
                LocalDate booked = random.nextInt(5) == 0 ? originalDate.minusDays(1)
                        : originalDate.plusDays(random.nextInt(30));
                expected = ledger.reverse(original, booked);
                status = post(command, transactions + "/" + original + "/reversal", "{\"transactionId\":\"r-" + id
                        + "\",\"date\":\"" + booked + "\",\"reason\":\"differential\"}");
            }
            assertThat(status).as("seed %d, step %d: a server error", seed, step).isLessThan(500);
            assertThat(status == 201).as("seed %d, step %d, account %s: accepted (%d)", seed, step, account, status)
                    .isEqualTo(expected);
            decided[status == 201 ? 0 : 1]++;
        }

        long head = scalar(database, "select max(global_index) from events.domain_event_entry");
        for (String account : accounts) {
            compare(seed, query, account, ledgers.get(account), head, symbols, splits);
        }
        System.out.println("LedgerReadSideDifferentialTest seed " + seed + ": " + decided[0] + " accepted, "
                + decided[1] + " refused as the reference decided; holdings, monthly balances and valuation of "
                + accounts.size() + " accounts equal the reference");
        assertThat(decided[0]).isPositive();
        assertThat(decided[1]).isPositive();
    }

    /** Holdings now and as of every month end and split date, monthly closings, valuation: all as the reference. */
    private void compare(long seed, Service query, String account, ReferenceLedger ledger, long head,
                         List<String> symbols, Map<String, List<LocalDate>> splits) throws Exception {
        String base = "/api/v1/accounts/" + account;
        Set<LocalDate> dates = new HashSet<>();
        for (YearMonth month = YearMonth.from(OPENED); !month.isAfter(YearMonth.from(VALUED));
             month = month.plusMonths(1)) {
            dates.add(month.atEndOfMonth());
        }
        splits.values().forEach(list -> list.forEach(d -> {
            dates.add(d);
            dates.add(d.minusDays(1));
        }));
        assertHoldings(seed, account, "now", get(query, base + "/holdings?minPosition=" + head), ledger,
                symbols, LocalDate.now());
        for (LocalDate date : dates) {
            assertHoldings(seed, account, date.toString(), get(query, base + "/holdings?asOf=" + date
                    + "&minPosition=" + head), ledger, symbols, date);
        }

        for (String asset : assets(symbols)) {
            JsonNode page = get(query, base + "/monthly-balances?asset=" + asset + "&from=" + YearMonth.from(OPENED)
                    + "&to=" + YearMonth.from(VALUED) + "&limit=100&minPosition=" + head);
            Map<YearMonth, BigDecimal> closings = new HashMap<>();
            for (JsonNode item : page.path("items")) {
                closings.put(YearMonth.parse(item.path("month").asText()), decimal(item.path("closing")));
            }
            for (YearMonth month = YearMonth.from(OPENED); !month.isAfter(YearMonth.from(VALUED));
                 month = month.plusMonths(1)) {
                BigDecimal expected = expected(ledger, asset, month.atEndOfMonth());
                BigDecimal actual = closings.getOrDefault(month, BigDecimal.ZERO);
                assertThat(actual).as("seed %d, %s, monthly closing of %s in %s", seed, account, asset, month)
                        .isEqualByComparingTo(expected);
            }
        }

        JsonNode valuation = get(query, base + "/valuation?asOf=" + VALUED + "&minPosition=" + head);
        // Each holding's market value is rounded once to cents; the account's is the sum of its rows.
        Map<String, BigDecimal> values = new HashMap<>();
        values.put("EUR", ledger.cash(VALUED));
        for (int i = 0; i < symbols.size(); i++) {
            values.put(symbols.get(i), ledger.units(symbols.get(i), VALUED).multiply(CLOSES.get(i))
                    .setScale(2, RoundingMode.HALF_EVEN));
        }
        for (JsonNode holding : valuation.path("holdings")) {
            String asset = holding.path("asset").asText();
            assertThat(decimal(holding.path("quantity"))).as("seed %d, %s, valued units of %s",
                    seed, account, asset).isEqualByComparingTo(expected(ledger, asset, VALUED));
            assertThat(decimal(holding.path("marketValue"))).as("seed %d, %s, market value of %s",
                    seed, account, asset).isEqualByComparingTo(values.get(asset));
        }
        assertThat(decimal(valuation.path("marketValue")))
                .as("seed %d, %s, market value on %s", seed, account, VALUED)
                .isEqualByComparingTo(values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static void assertHoldings(long seed, String account, String when, JsonNode answer,
                                       ReferenceLedger ledger, List<String> symbols, LocalDate day) {
        Map<String, BigDecimal> quantities = new HashMap<>();
        for (JsonNode holding : answer.path("holdings")) {
            quantities.put(holding.path("asset").asText(), decimal(holding.path("quantity")));
        }
        for (String asset : assets(symbols)) {
            assertThat(quantities.getOrDefault(asset, BigDecimal.ZERO))
                    .as("seed %d, %s, holding of %s %s", seed, account, asset, when)
                    .isEqualByComparingTo(expected(ledger, asset, day));
        }
    }

    private static List<String> assets(List<String> symbols) {
        List<String> assets = new ArrayList<>(symbols);
        assets.add(0, "EUR");
        return assets;
    }

    private static BigDecimal expected(ReferenceLedger ledger, String asset, LocalDate day) {
        return asset.equals("EUR") ? ledger.cash(day) : ledger.units(asset, day);
    }

    /** Every account that bought a symbol has applied each of its splits (one SplitAppliedEvent each). */
    private static void awaitSplitsApplied(TestDatabase database, Map<String, Set<String>> bought,
                                           Map<String, List<LocalDate>> splits) throws Exception {
        for (Map.Entry<String, Set<String>> account : bought.entrySet()) {
            long expected = account.getValue().stream()
                    .mapToLong(symbol -> splits.getOrDefault(symbol, List.of()).size()).sum();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(database, account.getKey()) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(account.getKey() + " did not apply its " + expected + " splits");
                }
                Thread.sleep(50);
            }
        }
    }

    private static long count(TestDatabase database, String account) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); PreparedStatement statement = connection.prepareStatement(
                "select count(*) from events.domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%SplitAppliedEvent'")) {
            statement.setString(1, account);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long scalar(TestDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String cash(String id, String type, BigDecimal amount, LocalDate date) {
        return "{\"transactionId\":\"" + id + "\",\"type\":\"" + type + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\",\"date\":\"" + date + "\"}";
    }

    private static String trade(String id, String side, String symbol, BigDecimal units, BigDecimal price,
                                LocalDate date) {
        return "{\"transactionId\":\"" + id + "\",\"type\":\"" + side + "\",\"symbol\":\"" + symbol
                + "\",\"quantity\":\"" + units + "\",\"price\":\"" + price + "\",\"currency\":\"EUR\",\"date\":\""
                + date + "\"}";
    }

    private static BigDecimal amount(Random random, int max) {
        return BigDecimal.valueOf(1 + random.nextInt(max * 100)).movePointLeft(2);
    }

    private static void expect(int status, Integer... expected) {
        assertThat(status).isIn((Object[]) expected);
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isTextual() ? new BigDecimal(value.asText()) : value.decimalValue();
    }

    private int post(Service service, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(Service service, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", TOKEN).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
