package dev.finflow.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (headless Chromium through Selenium, Debian's chromium and chromium-driver)
 * against the auth-server, command side and query side started once from their jars on a fresh database with the
 * sample prices: an owner, a viewer of her account and the admin, each signed in through the query side's session.
 * Every figure checked on a page is compared with the API's exact text. Screenshots of the main pages go to
 * {@code -Dfinflow.screenshots} (default {@code target/screenshots}; docs/dashboard.md's are in docs/screenshots).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // in the default order, but the ml-projector's stop last
class DashboardBrowserTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300));
    private static final Path CHROMIUM = Path.of(System.getProperty("finflow.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("finflow.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("finflow.screenshots", "target/screenshots"));
    private static final String ACCOUNT = "dash-1";
    private static final String OTHERS = "adm-1";
    /** A holding priced in EUR (the account is in USD), and one that splits 2-for-1 on 2017-05-01. */
    private static final String EURO_STOCK = "EUDSH";
    private static final String SPLIT_STOCK = "DSH10";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> started = new ArrayList<>();
    private Service auth;
    private Service command;
    private Service query;
    private Service ml;
    private int queryPort;
    private Map<String, String> queryEnvironment;
    private String adminToken;
    private ChromeDriver owner;
    private ChromeDriver viewer;
    private ChromeDriver admin;
    private String beforeReversal;
    private String scriptClient;

    @BeforeAll
    void startServicesAndSignIn() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMIUM + " or " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        TestDatabase database = TestDatabase.create();
        started.add(database);
        int authPort = Service.freePort();
        queryPort = Service.freePort();
        Path credentials = Path.of("target/system-logs/dashboard-credentials").toAbsolutePath();
        Files.createDirectories(credentials.getParent());
        Files.deleteIfExists(credentials);
        Map<String, String> common = Map.of("FINFLOW_DB_URL", database.jdbcUrl(),
                "FINFLOW_DB_USER", database.username(), "FINFLOW_DB_PASSWORD", database.password(),
                "FINFLOW_OIDC_ISSUER_URI", "http://127.0.0.1:" + authPort,
                "FINFLOW_BFF_CLIENT_SECRET", "dashboard-secret-" + System.nanoTime());
        auth = started(Service.start("dashboard-auth-server", "auth-server", with(common,
                "FINFLOW_AUTH_CREDENTIALS_FILE", credentials.toString(), "FINFLOW_AUTH_ACCESS_TOKEN_TTL", "60m",
                "FINFLOW_BFF_REDIRECT_URIS", "http://127.0.0.1:" + queryPort + "/bff/login/code/finflow"), authPort));
        // Stooq at a port nothing listens on (refused at once), with short backoffs: runs with failed attempts.
        command = started(Service.start("dashboard-command-side", "command-side", with(common,
                "FINFLOW_INGESTION_STOOQ_URL", "http://127.0.0.1:" + Service.freePort() + "/q/d/l/",
                "FINFLOW_INGESTION_RETRY_INITIAL", "100ms", "FINFLOW_INGESTION_RETRY_MAX", "200ms")));
        // The ml-projector without the LSTM (ARIMA and the baselines train in seconds): forecasts, models, anomalies.
        ml = started(Service.start("dashboard-ml-projector", "ml-projector", with(common,
                "FINFLOW_ML_LSTM_ENABLED", "false")));
        queryEnvironment = with(common, "FINFLOW_BFF_COMMAND_URI", command.url(""), "FINFLOW_BFF_ML_URI", ml.url(""));
        query = Service.start("dashboard-query-side", "query-side", queryEnvironment, queryPort);
        for (Service service : List.of(auth, command, query, ml)) {
            service.awaitHealthy(STARTUP);
        }
        Properties first = new Properties();
        try (InputStream in = Files.newInputStream(credentials)) {
            first.load(in);
        }
        adminToken = clientToken(first.getProperty("FINFLOW_CLIENT_ID"), first.getProperty("FINFLOW_CLIENT_SECRET"));
        JsonNode olivia = createUser("olivia", "owner");
        JsonNode victor = createUser("victor", "viewer");
        scriptClient = first.getProperty("FINFLOW_CLIENT_ID");

        owner = signIn("olivia", olivia.get("password").asText());
        viewer = signIn("victor", victor.get("password").asText());
        admin = signIn(first.getProperty("FINFLOW_ADMIN_USER"), first.getProperty("FINFLOW_ADMIN_PASSWORD"));
        seed(victor.get("id").asText());
    }

    /**
     * Olivia's account: 20 securities (five with sample prices, one bought in USD), a sale, and a fee that is
     * reversed; victor may view it. The admin client opens an account of its own that olivia must not reach.
     */
    private void seed(String viewerId) throws Exception {
        sessionCall(owner, "POST", "/bff/command/api/v1/accounts",
                "{\"accountId\":\"" + ACCOUNT + "\",\"name\":\"Main\",\"currency\":\"USD\",\"openedOn\":\"2017-01-02\"}");
        StringBuilder batch = new StringBuilder("{\"transactions\":[{\"transactionId\":\"d1\",\"type\":\"DEPOSIT\","
                + "\"amount\":250000.00,\"currency\":\"USD\",\"date\":\"2017-01-03\"}");
        String[] priced = {"AAPL", "TSLA", "COKE", "GOOGL", "YHOO"};
        for (int i = 0; i < 20; i++) {
            String symbol = i < priced.length ? priced[i] : i == 19 ? EURO_STOCK : "DSH" + i;
            String currency = i == 3 || i == 19 ? "\"EUR\",\"fxRate\":1.0612" : "\"USD\"";
            batch.append(",{\"transactionId\":\"b").append(i).append("\",\"type\":\"BUY\",\"symbol\":\"").append(symbol)
                    .append("\",\"quantity\":").append(3 + i).append(i == 7 ? ".5" : "").append(",\"price\":")
                    .append(40 + i * 7).append(".").append(10 + i).append(",\"fee\":1.25,\"currency\":")
                    .append(currency).append(",\"date\":\"2017-01-04\"}");
        }
        batch.append(",{\"transactionId\":\"s1\",\"type\":\"SELL\",\"symbol\":\"AAPL\",\"quantity\":2,\"price\":141.05,"
                + "\"currency\":\"USD\",\"date\":\"2017-06-01\"}");
        batch.append(",{\"transactionId\":\"f1\",\"type\":\"FEE\",\"amount\":2.50,\"currency\":\"USD\","
                + "\"date\":\"2017-07-03\"}]}");
        sessionCall(owner, "POST", "/bff/command/api/v1/accounts/" + ACCOUNT + "/transactions:batch", batch.toString());
        long prices = priceTheHoldings();
        Thread.sleep(20); // the reversal is recorded strictly after this instant
        beforeReversal = Instant.now().toString();
        Thread.sleep(20);
        JsonNode reversed = sessionCall(owner, "POST", "/bff/command/api/v1/accounts/" + ACCOUNT
                + "/transactions/f1/reversal", "{\"transactionId\":\"r1\",\"date\":\"2017-07-10\",\"reason\":\"waived\"}");
        sessionCall(owner, "POST", "/bff/command/api/v1/accounts/" + ACCOUNT + "/grants",
                "{\"userId\":\"" + viewerId + "\",\"level\":\"VIEWER\"}");
        // The script client writes too (another client of the account, while the query side is down).
        sessionCall(owner, "POST", "/bff/command/api/v1/accounts/" + ACCOUNT + "/grants",
                "{\"userId\":\"" + scriptClient + "\",\"level\":\"OWNER\"}");
        JsonNode others = commandAsAdmin("{\"accountId\":\"" + OTHERS + "\",\"name\":\"Admin's\",\"currency\":\"EUR\"}");
        long position = Math.max(prices, Math.max(reversed.get("position").asLong(), others.get("position").asLong()));
        api("/api/v1/accounts/" + ACCOUNT + "/transactions?minPosition=" + position + "&limit=1");
        api("/api/v1/accounts?minPosition=" + position);
    }

    /**
     * Monthly closes in 2017 for the holdings without sample prices (DSH5 … DSH18 in USD, {@link #EURO_STOCK} in
     * EUR), a 2-for-1 split of {@link #SPLIT_STOCK} from 2017-05-01 (its closes halve from then on) and the EURUSD=X
     * rates that convert between the two currencies. Returns the position of the last event.
     */
    private long priceTheHoldings() throws Exception {
        List<String> months = List.of("2017-01-03", "2017-02-01", "2017-03-01", "2017-04-03", "2017-05-01",
                "2017-06-01", "2017-07-03", "2017-08-01", "2017-09-01", "2017-10-02", "2017-11-01", "2017-12-01");
        long last = 0;
        for (int i = 5; i < 20; i++) {
            String symbol = i == 19 ? EURO_STOCK : "DSH" + i;
            marketData("/api/v1/instruments", "{\"symbol\":\"" + symbol + "\",\"name\":\"" + symbol + "\",\"type\":"
                    + "\"EQUITY\",\"currency\":\"" + (i == 19 ? "EUR" : "USD") + "\",\"exchange\":\"NASDAQ\"}");
            if (symbol.equals(SPLIT_STOCK)) {
                last = Math.max(last, marketData("/api/v1/instruments/" + symbol + "/splits",
                        "{\"effectiveDate\":\"2017-05-01\",\"numerator\":2,\"denominator\":1}"));
            }
            StringBuilder bars = new StringBuilder("{\"bars\":[");
            for (int m = 0; m < months.size(); m++) {
                BigDecimal close = BigDecimal.valueOf(40 + i * 7).multiply(BigDecimal.valueOf(100 + m * (i % 7 - 3)
                        + m % 2)).movePointLeft(2);
                if (symbol.equals(SPLIT_STOCK) && m >= 4) {
                    close = close.divide(BigDecimal.valueOf(2), 4, java.math.RoundingMode.HALF_EVEN);
                }
                bars.append(m > 0 ? "," : "").append(bar(months.get(m), close.toPlainString()));
            }
            last = Math.max(last, marketData("/api/v1/instruments/" + symbol + "/bars", bars.append("]}").toString()));
        }
        marketData("/api/v1/instruments", "{\"symbol\":\"EURUSD=X\",\"name\":\"EUR/USD\",\"type\":\"FX_PAIR\","
                + "\"currency\":\"USD\",\"baseCurrency\":\"EUR\"}");
        StringBuilder rates = new StringBuilder("{\"bars\":[");
        for (int m = 0; m < months.size(); m++) {
            rates.append(m > 0 ? "," : "").append(bar(months.get(m), new BigDecimal("1.0400")
                    .add(new BigDecimal("0.0130").multiply(BigDecimal.valueOf(m))).toPlainString()));
        }
        return Math.max(last, marketData("/api/v1/instruments/EURUSD=X/bars", rates.append("]}").toString()));
    }

    private static String bar(String date, String close) {
        return "{\"date\":\"" + date + "\",\"open\":" + close + ",\"high\":" + close + ",\"low\":" + close
                + ",\"close\":" + close + ",\"volume\":1000}";
    }

    @AfterAll
    void stop() throws Exception {
        for (ChromeDriver driver : new ChromeDriver[] {owner, viewer, admin}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (query != null) {
            query.close();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void everyHoldingsCellShowsTheApisExactDecimalTextAndLinksToItsLineage() throws Exception {
        page(owner, "/portfolio/" + ACCOUNT);
        JsonNode holdings = api("/api/v1/accounts/" + ACCOUNT + "/holdings").get("holdings");
        JsonNode valuation = api("/api/v1/accounts/" + ACCOUNT + "/valuation");
        assertThat(holdings.size()).as("20 securities and the cash").isEqualTo(21);
        assertCells(owner, holdings, valuation);
        assertThat(valuation.get("complete").asBoolean()).as("every holding has a price and a rate").isTrue();
        assertThat(find(valuation.get("holdings"), EURO_STOCK).get("fxPair").asText()).isEqualTo("EURUSD=X");
        assertThat(owner.findElement(By.cssSelector("#valuation [data-field=marketValue]")).getText())
                .isEqualTo(text(valuation.get("marketValue")));
        assertThat(owner.findElement(By.cssSelector("#valuation [data-field=pricedMarketValue]")).getText())
                .isEqualTo(text(valuation.get("pricedMarketValue")));
        System.out.printf("Portfolio page with %d holdings drawn %s ms after the navigation started%n",
                holdings.size(), owner.findElement(By.tagName("body")).getDomAttribute("data-ready-millis"));
        waitFor(owner, By.cssSelector("#performance[data-ready=true]"));
        screenshot(owner, "portfolio");

        owner.findElement(By.cssSelector("tr[data-asset=AAPL] [data-field=quantity] a")).click();
        waitFor(owner, By.cssSelector("#lineage-table tbody tr"));
        List<String> shown = owner.findElements(By.cssSelector("#lineage-table tr[data-event-id]")).stream()
                .map(row -> row.getDomAttribute("data-event-id")).toList();
        List<String> lineage = new ArrayList<>();
        api("/api/v1/lineage/holdings/" + ACCOUNT + "/AAPL").get("events")
                .forEach(event -> lineage.add(event.get("eventId").asText()));
        assertThat(shown).as("the events shown for AAPL's quantity").isEqualTo(lineage).hasSize(2);
    }

    @Test
    void asOfAndKnownAtTimeTravelTheHoldings() throws Exception {
        page(owner, "/portfolio/" + ACCOUNT + "?asOf=2017-03-31");
        JsonNode asOf = api("/api/v1/accounts/" + ACCOUNT + "/holdings?asOf=2017-03-31").get("holdings");
        assertCells(owner, asOf, api("/api/v1/accounts/" + ACCOUNT + "/valuation?asOf=2017-03-31"));
        assertThat(cell(owner, "AAPL", "quantity")).as("before the sale").isEqualTo("3");

        page(owner, "/portfolio/" + ACCOUNT + "?knownAt=" + beforeReversal);
        JsonNode known = api("/api/v1/accounts/" + ACCOUNT + "/holdings?knownAt=" + beforeReversal).get("holdings");
        JsonNode now = api("/api/v1/accounts/" + ACCOUNT + "/holdings").get("holdings");
        assertThat(cell(owner, "USD", "quantity")).as("cash before the fee was reversed")
                .isEqualTo(text(find(known, "USD").get("quantity")))
                .isNotEqualTo(text(find(now, "USD").get("quantity")));
        assertThat(owner.findElement(By.id("travelling")).getText()).contains("live updates are paused");
    }

    @Test
    void theValueOverTimeReturnsAndAllocationInAChosenBaseAreTheApisExactText() throws Exception {
        String query = "asOf=2017-12-29&base=EUR";
        JsonNode performance = settledPerformance(query);
        page(owner, "/portfolio/" + ACCOUNT + "?" + query);
        waitFor(owner, By.cssSelector("#performance[data-ready=true]"));
        assertThat(new org.openqa.selenium.support.ui.Select(owner.findElement(By.name("base")))
                .getFirstSelectedOption().getText()).isEqualTo("EUR");
        assertThat(owner.findElement(By.cssSelector("#performance [data-field=value]")).getText())
                .isEqualTo(text(performance.get("value"))).isNotEmpty();
        // the series drawn is the API's, point by point, as text; the chart places one number per point
        JsonNode drawn = JSON.readTree(owner.findElement(By.id("value-chart")).getDomAttribute("data-series"));
        assertThat(drawn).isEqualTo(performance.get("series"));
        assertThat(performance.get("series").size()).as("valued days of 2017").isGreaterThan(200);
        Object placed = owner.executeScript("return echarts.getInstanceByDom(document.getElementById('value-chart'))"
                + ".getOption().series[0].data.map(p => p[1] == null ? null : String(p[1]));");
        List<String> expected = new ArrayList<>();
        performance.get("series").forEach(p -> expected.add(p.get("value").isNull() ? null
                : new BigDecimal(p.get("value").asText()).stripTrailingZeros().toPlainString()));
        assertThat(((List<?>) placed).stream().map(v -> v == null ? null
                : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString()).toList()).isEqualTo(expected);
        // every cell of the returns and of both allocation tables
        for (JsonNode period : performance.get("periods")) {
            for (String field : List.of("start", "startValue", "endValue", "netFlows", "twr", "mwr", "mwrAnnualized")) {
                assertThat(owner.findElement(By.cssSelector("#returns tr[data-period='" + period.get("period").asText()
                        + "'] [data-field=" + field + "]")).getText()).as(period.get("period") + " " + field)
                        .isEqualTo(shown(period.get(field)));
            }
        }
        assertThat(period(performance, "SI").get("twr").isNull()).as("since inception has a return").isFalse();
        assertThat(period(performance, "1Y").get("why").asText()).isEqualTo("the first movement is on 2017-01-03");
        assertAllocation("allocation-assets", performance.get("byAsset"), List.of("name", "kind", "currency",
                "quantity", "value", "percent", "status"));
        assertAllocation("allocation-currencies", performance.get("byCurrency"), List.of("name", "value", "percent",
                "status"));
        assertThat(performance.get("byCurrency").findValuesAsText("name")).containsExactly("EUR", "USD");
        assertThat(find(performance.get("byAsset"), SPLIT_STOCK, "name").get("quantity").asText()).isEqualTo("26");
        owner.executeScript("document.getElementById('returns').scrollIntoView({block: 'start'})");
        screenshot(owner, "portfolio-performance");
    }

    /** The performance as the API answers it, once two reads a second apart agree (the sample import is done). */
    private JsonNode settledPerformance(String query) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode previous = null;
        while (true) {
            JsonNode read = api("/api/v1/accounts/" + ACCOUNT + "/performance?" + query);
            if (read.equals(previous) || System.nanoTime() > deadline) {
                return read;
            }
            previous = read;
            Thread.sleep(1000);
        }
    }

    private void assertAllocation(String table, JsonNode rows, List<String> fields) {
        assertThat(owner.findElements(By.cssSelector("#" + table + " tbody tr"))).hasSize(rows.size());
        for (JsonNode row : rows) {
            for (String field : fields) {
                assertThat(owner.findElement(By.cssSelector("#" + table + " tr[data-name='" + row.get("name").asText()
                        + "'] [data-field=" + field + "]")).getText()).as(table + " " + row.get("name") + " " + field)
                        .isEqualTo(shown(row.get(field)));
            }
        }
    }

    /** A figure as the page shows it: the API's text, or a dash for none. */
    private static String shown(JsonNode node) {
        return node == null || node.isNull() ? "—" : node.asText();
    }

    private static JsonNode period(JsonNode performance, String label) {
        return find(performance.get("periods"), label, "period");
    }

    @Test
    void aTransactionRecordedByAnotherClientAppearsOnAnOpenPageWithinTwoSeconds() throws Exception {
        page(owner, "/portfolio/" + ACCOUNT);
        new WebDriverWait(owner, Duration.ofSeconds(10)).until(d -> "live".equals(
                d.findElement(By.id("live")).getDomAttribute("data-state")));
        String before = cell(owner, "USD", "quantity");
        long sent = System.nanoTime();
        JsonNode recorded = sessionCall(owner, "POST", "/bff/command/api/v1/accounts/" + ACCOUNT + "/transactions",
                "{\"transactionId\":\"live-1\",\"type\":\"DEPOSIT\",\"amount\":12.34,\"currency\":\"USD\","
                        + "\"date\":\"2017-08-01\"}");
        String expected = text(find(api("/api/v1/accounts/" + ACCOUNT + "/holdings?minPosition="
                + recorded.get("position").asLong()).get("holdings"), "USD").get("quantity"));
        new WebDriverWait(owner, Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class)
                .until(d -> expected.equals(cell(owner, "USD", "quantity"))); // (a cell read while the table redraws)
        long millis = (System.nanoTime() - sent) / 1_000_000;
        System.out.printf("A deposit recorded over HTTP showed on the open page after %d ms%n", millis);
        assertThat(millis).isLessThan(2000);
        assertThat(expected).isNotEqualTo(before);
    }

    @Test
    void theIndicatorShowsALostStreamAndCurrentFiguresReturnWithTheQuerySide() throws Exception {
        page(owner, "/portfolio/" + ACCOUNT);
        new WebDriverWait(owner, Duration.ofSeconds(10)).until(d -> "live".equals(
                d.findElement(By.id("live")).getDomAttribute("data-state")));
        query.close();
        new WebDriverWait(owner, Duration.ofSeconds(10)).until(d -> "disconnected".equals(
                d.findElement(By.id("live")).getDomAttribute("data-state")));
        assertThat(owner.findElement(By.id("live")).getText()).startsWith("Disconnected");
        screenshot(owner, "disconnected");
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(URI.create(command.url("/api/v1/accounts/"
                        + ACCOUNT + "/transactions"))).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"transactionId\":\"while-down\",\"type\":\"DEPOSIT\",\"amount\":0.01,"
                                + "\"currency\":\"USD\",\"date\":\"2017-08-01\"}")).build());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        query = Service.start("dashboard-query-side-again", "query-side", queryEnvironment, queryPort);
        query.awaitHealthy(STARTUP);
        String expected = text(find(api("/api/v1/accounts/" + ACCOUNT + "/holdings?minPosition="
                + JSON.readTree(recorded.body()).get("position").asLong()).get("holdings"), "USD").get("quantity"));
        new WebDriverWait(owner, Duration.ofSeconds(30)).until(d -> expected.equals(cell(owner, "USD", "quantity"))
                && "live".equals(d.findElement(By.id("live")).getDomAttribute("data-state")));
    }

    @Test
    void aBadAmountShowsTheRuleNextToItsFieldAndWritesNothing() throws Exception {
        page(owner, "/transactions/" + ACCOUNT);
        int before = transactionCount();
        fill(owner, "DEPOSIT", "-5", "bad amount");
        owner.findElement(By.cssSelector("#record button[type=submit]")).click();
        WebElement error = waitFor(owner, By.cssSelector("#record-amount-error:not(:empty)"));
        assertThat(error.getText()).startsWith("non-positive-amount:");
        assertThat(owner.findElement(By.id("record-amount")).getDomAttribute("aria-invalid")).isEqualTo("true");
        screenshot(owner, "transactions");
        assertThat(transactionCount()).as("transactions after the refused one").isEqualTo(before);
    }

    @Test
    void aTransferIsSentFromTheFormAndABadAmountIsRefusedNextToItsField() throws Exception {
        JsonNode opened = sessionCall(owner, "POST", "/bff/command/api/v1/accounts",
                "{\"accountId\":\"dash-2\",\"name\":\"Savings\",\"currency\":\"USD\",\"openedOn\":\"2017-01-02\"}");
        api("/api/v1/accounts?minPosition=" + opened.get("position").asLong());
        page(owner, "/transactions/" + ACCOUNT);
        int before = transactionCount();
        owner.findElement(By.id("transfer-toAccountId")).sendKeys("dash-2");
        owner.findElement(By.id("transfer-amount")).sendKeys("0");
        owner.findElement(By.cssSelector("#transfer button[type=submit]")).click();
        assertThat(waitFor(owner, By.cssSelector("#transfer-amount-error:not(:empty)")).getText())
                .startsWith("non-positive-amount:");
        assertThat(transactionCount()).as("after the refused transfer").isEqualTo(before);

        owner.findElement(By.id("transfer-amount")).clear();
        owner.findElement(By.id("transfer-amount")).sendKeys("25.00");
        owner.findElement(By.cssSelector("#transfer button[type=submit]")).click();
        new WebDriverWait(owner, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("status")).getText()
                .startsWith("Sent transfer"));
        String transferId = owner.findElement(By.id("status")).getText().split(" ")[2];
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<String> received = List.of();
        while (received.isEmpty() && System.nanoTime() < deadline) { // the transfer process credits the receiver
            Thread.sleep(200);
            received = api("/api/v1/accounts/dash-2/transactions").findValuesAsText("cashAmount");
        }
        assertThat(received).containsExactly("25.00");
        assertThat(owner.findElement(By.cssSelector("tr[data-transaction-id='" + transferId + "']"
                + " [data-field=cashAmount]")).getText()).isEqualTo("-25.00");
    }

    @Test
    void aDoubleSubmitRecordsOneTransaction() throws Exception {
        page(owner, "/transactions/" + ACCOUNT);
        String memo = "double-" + System.nanoTime();
        fill(owner, "DEPOSIT", "7.77", memo);
        owner.executeScript("const f = document.getElementById('record'); f.requestSubmit(); f.requestSubmit();");
        new WebDriverWait(owner, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("status")).getText()
                .startsWith("Recorded"));
        Thread.sleep(500); // the second answer too
        long withMemo = 0;
        for (JsonNode tx : api("/api/v1/accounts/" + ACCOUNT + "/transactions?limit=1000").get("items")) {
            withMemo += memo.equals(tx.path("memo").asText()) ? 1 : 0;
        }
        assertThat(withMemo).as("transactions recorded by one form sent twice").isEqualTo(1);
        assertThat(owner.findElement(By.cssSelector("#transactions-table tbody tr")).getText()).as("the newest")
                .contains(memo);
    }

    @Test
    void theTransactionListPagesNewestFirstWithReversalsLinkedBothWays() throws Exception {
        page(viewer, "/transactions/" + ACCOUNT);
        JsonNode first = api("/api/v1/accounts/" + ACCOUNT + "/transactions?newestFirst=true&limit=20");
        assertThat(shownTransactions(viewer)).isEqualTo(first.findValuesAsText("transactionId"));
        viewer.findElement(By.id("next-page")).click();
        new WebDriverWait(viewer, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("cursor="));
        page(viewer, viewer.getCurrentUrl().substring(query.url("").length()));
        assertThat(shownTransactions(viewer)).isEqualTo(api("/api/v1/accounts/" + ACCOUNT + "/transactions?"
                + "newestFirst=true&limit=20&cursor=" + first.get("nextCursor").asText()).findValuesAsText("transactionId"));
        page(viewer, "/transactions/" + ACCOUNT + "?from=2017-07-01&to=2017-07-31");
        assertThat(shownTransactions(viewer)).containsExactly("r1", "f1");
        assertThat(viewer.findElement(By.cssSelector("tr[data-transaction-id=f1]")).getText()).contains("r1");
        assertThat(viewer.findElement(By.cssSelector("tr[data-transaction-id=r1] a[href='#tx-f1']"))).isNotNull();
    }

    private static List<String> shownTransactions(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#transactions-table tbody tr[data-transaction-id]")).stream()
                .map(row -> row.getDomAttribute("data-transaction-id")).toList();
    }

    @Test
    void theTransactionFormCanBeCompletedByKeyboardAlone() throws Exception {
        page(owner, "/transactions/" + ACCOUNT);
        String memo = "keyboard-" + System.nanoTime();
        tabTo(owner, "record-amount");
        new Actions(owner).sendKeys("3.21").perform();
        tabTo(owner, "record-memo");
        new Actions(owner).sendKeys(memo).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(owner, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("status")).getText()
                .startsWith("Recorded"));
        List<String> amounts = new ArrayList<>();
        for (JsonNode tx : api("/api/v1/accounts/" + ACCOUNT + "/transactions?limit=1000").get("items")) {
            if (memo.equals(tx.path("memo").asText())) {
                amounts.add(tx.get("type").asText() + " " + tx.get("cashAmount").asText());
            }
        }
        assertThat(amounts).containsExactly("CashDepositedEvent 3.21");
    }

    /** Presses Tab until the element with this id has the focus. */
    private static void tabTo(ChromeDriver driver, String id) {
        for (int i = 0; i < 60 && !id.equals(driver.executeScript("return document.activeElement.id;")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(driver.executeScript("return document.activeElement.id;")).as("focus reached by Tab").isEqualTo(id);
    }

    @Test
    void monthlyBalancesShowTheApisRowsAndAClosingLinksToItsLineage() throws Exception {
        page(owner, "/balances/" + ACCOUNT + "?asset=AAPL");
        List<String> expected = new ArrayList<>();
        for (JsonNode month : api("/api/v1/accounts/" + ACCOUNT + "/monthly-balances?asset=AAPL&limit=1000")
                .get("items")) {
            expected.add(0, String.join(" ", month.get("month").asText(), month.get("opening").asText(),
                    month.get("inflows").asText(), month.get("outflows").asText(), month.get("closing").asText()));
        }
        Object shown = owner.executeScript("return [...document.querySelectorAll('#months-table tbody tr')].map(r => "
                + "[r.dataset.month, ...['opening', 'inflows', 'outflows', 'closing'].map(f => "
                + "r.querySelector(`[data-field=${f}]`).textContent.trim())].join(' '));");
        assertThat((List<?>) shown).as("months, newest first").isEqualTo(expected);
        screenshot(owner, "balances");

        owner.findElement(By.cssSelector("#months-table tr[data-month='2017-06'] [data-field=closing] a")).click();
        waitFor(owner, By.cssSelector("#lineage-table tbody tr"));
        List<String> lineage = new ArrayList<>();
        api("/api/v1/lineage/monthly-balances/" + ACCOUNT + "/AAPL/2017-06").get("events")
                .forEach(event -> lineage.add(event.get("eventId").asText()));
        assertThat(owner.findElements(By.cssSelector("#lineage-table tr[data-event-id]")).stream()
                .map(row -> row.getDomAttribute("data-event-id")).toList()).isEqualTo(lineage).hasSize(1);
    }

    @Test
    void printsTheTimeToTheLastHoldingsCellOfAnAccountWithAThousandHoldings() throws Exception {
        sessionCall(owner, "POST", "/bff/command/api/v1/accounts",
                "{\"accountId\":\"big-1\",\"name\":\"Big\",\"currency\":\"USD\",\"openedOn\":\"2017-01-02\"}");
        StringBuilder batch = new StringBuilder("{\"transactions\":[{\"transactionId\":\"d1\",\"type\":\"DEPOSIT\","
                + "\"amount\":10000000.00,\"currency\":\"USD\",\"date\":\"2017-01-03\"}");
        for (int i = 1; i < 1000; i++) {
            batch.append(",{\"transactionId\":\"b").append(i).append("\",\"type\":\"BUY\",\"symbol\":\"")
                    .append(String.format("BIG%04d", i)).append("\",\"quantity\":").append(i % 17 + 1)
                    .append(",\"price\":").append(i % 89 + 1).append(".").append(10 + i % 90)
                    .append(",\"currency\":\"USD\",\"date\":\"2017-01-04\"}");
        }
        JsonNode recorded = sessionCall(owner, "POST", "/bff/command/api/v1/accounts/big-1/transactions:batch",
                batch.append("]}").toString());
        JsonNode holdings = applied("/api/v1/accounts/big-1/holdings?minPosition=" + recorded.get("position").asLong());
        assertThat(holdings.get("holdings")).hasSize(1000);
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            page(owner, "/portfolio/big-1");
            assertThat(owner.findElements(By.cssSelector("#holdings-table tbody tr"))).hasSize(1000);
            millis.add(Long.parseLong(owner.findElement(By.tagName("body")).getDomAttribute("data-ready-millis")));
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("1,000 holdings: the last cell drawn %d ms after the navigation started (median of 5: %s)%n",
                sorted.get(2), millis);
    }

    @Test
    void theViewerSeesTheAccountButNoWriteForm() throws Exception {
        page(viewer, "/transactions/" + ACCOUNT);
        assertThat(viewer.findElements(By.cssSelector("#transactions-table tbody tr"))).isNotEmpty();
        assertThat(viewer.findElements(By.cssSelector("form#record, [data-reverse]"))).isEmpty();
        page(viewer, "/");
        assertThat(viewer.findElements(By.cssSelector("#accounts tr[data-account='" + ACCOUNT + "']"))).hasSize(1);
        assertThat(viewer.findElements(By.id("open-account"))).isEmpty();
        page(viewer, "/portfolio/" + ACCOUNT);
        assertCells(viewer, api("/api/v1/accounts/" + ACCOUNT + "/holdings").get("holdings"),
                api("/api/v1/accounts/" + ACCOUNT + "/valuation"));
    }

    @Test
    void onlyAnAdminHasTheOperationsPage() throws Exception {
        page(owner, "/");
        assertThat(owner.findElement(By.cssSelector("[data-nav=operations]")).isDisplayed()).isFalse();
        owner.get(query.url("/operations"));
        assertThat(owner.findElement(By.tagName("body")).getText()).contains("\"status\":403")
                .doesNotContain("Projections");

        page(admin, "/operations");
        assertThat(admin.findElement(By.cssSelector("[data-nav=operations]")).isDisplayed()).isTrue();
        waitFor(admin, By.cssSelector("#projections-table tr[data-projection=holdings]"));
        screenshot(admin, "operations");
    }

    @Test
    void anotherUsersAccountIsUnreachableByUrl() throws Exception {
        for (String path : List.of("/portfolio/" + OTHERS, "/transactions/" + OTHERS)) {
            page(owner, path);
            assertThat(owner.findElements(By.id("not-found"))).as(path).hasSize(1);
            assertThat(owner.findElements(By.cssSelector("#holdings-table, #transactions-table, form#record")))
                    .as(path).isEmpty();
        }
        page(owner, "/");
        assertThat(owner.findElements(By.cssSelector("#accounts tr[data-account='" + OTHERS + "']"))).isEmpty();
        screenshot(owner, "accounts");
    }

    @Test
    void theInstrumentPageDrawsTheBarsOfTheApiWithTheFlaggedOnesMarked() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (bars("AAPL").size() < 753 && System.nanoTime() < deadline) { // the sample prices are imported at start
            Thread.sleep(1000);
        }
        List<String> flagged = assertChartDrawsTheApisBars("AAPL");
        String aapl = admin.findElement(By.id("chart")).getDomAttribute("data-series");
        assertThat(JSON.readTree(aapl)).as("AAPL's sample bars").hasSize(753);
        assertThat(aapl).as("the 2017-08-07 gap").doesNotContain("\"2017-08-07\"").contains("\"2017-08-04\"");
        System.out.printf("AAPL chart of 753 bars (%d flagged) drawn in %s ms%n", flagged.size(),
                admin.findElement(By.id("chart")).getDomAttribute("data-render-millis"));
        screenshot(admin, "instrument");

        marketData("/api/v1/instruments", "{\"symbol\":\"DASH\",\"name\":\"Dash\",\"type\":\"EQUITY\","
                + "\"currency\":\"USD\",\"exchange\":\"NASDAQ\"}");
        StringBuilder sent = new StringBuilder("{\"bars\":[");
        List<String> dates = List.of("2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06",
                "2024-01-08"); // 2024-01-06 is a Saturday: flagged by the trading calendar
        List<String> closes = List.of("10.40", "10.55", "10.30", "10.62", "10.71", "10.48");
        for (int i = 0; i < dates.size(); i++) {
            sent.append(i > 0 ? "," : "").append("{\"date\":\"").append(dates.get(i)).append("\",\"open\":10.45,")
                    .append("\"high\":10.90,\"low\":10.05,\"close\":").append(closes.get(i))
                    .append(",\"volume\":").append(1000 + i * 37).append("}");
        }
        sent.append(",{\"date\":\"2024-01-09\",\"open\":10.45,\"high\":10.00,\"low\":10.60,\"close\":10.50,"
                + "\"volume\":990}"); // low above high: quarantined, kept out of the chart
        marketData("/api/v1/instruments/DASH/bars", sent.append("]}").toString());
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bars("DASH").size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(assertChartDrawsTheApisBars("DASH")).as("DASH's flagged bars").containsExactly("2024-01-06");
        assertThat(admin.findElements(By.cssSelector("#quarantined tr[data-date]")).stream()
                .map(row -> row.getDomAttribute("data-date")).toList()).containsExactly("2024-01-09");
        JsonNode quality = api("/api/v1/instruments/DASH/quality");
        assertThat(admin.findElement(By.cssSelector("#quality tr[data-rule=all] [data-verdict=REJECTED]")).getText())
                .isEqualTo(quality.at("/verdicts/REJECTED").asText()).isEqualTo("1");
        assertThat(admin.findElement(By.cssSelector("#quality tr[data-rule=trading-calendar] [data-verdict=FLAGGED]"))
                .getText()).isEqualTo("1");
        screenshot(admin, "instrument-flagged");
    }

    /** The chart's series is GET /bars, bar by bar; each FLAGGED bar is listed and marked. Returns their dates. */
    private List<String> assertChartDrawsTheApisBars(String symbol) throws Exception {
        List<JsonNode> bars = bars(symbol);
        page(admin, "/instruments/" + symbol);
        JsonNode series = JSON.readTree(waitFor(admin, By.cssSelector("#chart[data-series]"))
                .getDomAttribute("data-series"));
        assertThat(series.size()).isEqualTo(bars.size());
        List<String> flagged = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            JsonNode bar = bars.get(i);
            for (String field : List.of("date", "open", "high", "low", "close", "verdict")) {
                assertThat(series.get(i).get(field).asText()).as(bar.get("date") + " " + field)
                        .isEqualTo(bar.get(field).asText());
            }
            if ("FLAGGED".equals(bar.get("verdict").asText())) {
                flagged.add(bar.get("date").asText());
            }
        }
        assertThat(admin.findElements(By.cssSelector("#flagged tr[data-date]")).stream()
                .map(row -> row.getDomAttribute("data-date")).toList()).isEqualTo(flagged);
        Object marked = admin.executeScript("return echarts.getInstanceByDom(document.getElementById('chart'))"
                + ".getOption().series[0].markPoint.data.map(p => p.coord[0]);");
        assertThat((List<?>) marked).as("the marked bars").isEqualTo(flagged);
        return flagged;
    }

    private List<JsonNode> bars(String symbol) throws Exception {
        List<JsonNode> bars = new ArrayList<>();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(query.url("/api/v1/instruments/" + symbol
                + "/bars?limit=1000"))).header("Authorization", "Bearer " + adminToken).build());
        if (answer.statusCode() == 200) {
            JSON.readTree(answer.body()).get("bars").forEach(bars::add);
        }
        return bars;
    }

    /** A market-data write as the admin client; returns the position of the event it stored. */
    private long marketData(String path, String json) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(command.url(path)))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body()).path("position").asLong();
    }

    @Test
    void noPageScrollsSidewaysAt375PixelsWide() throws Exception {
        Map<String, ChromeDriver> pages = new java.util.LinkedHashMap<>();
        pages.put("/", owner);
        pages.put("/portfolio/" + ACCOUNT, owner);
        pages.put("/transactions/" + ACCOUNT, owner);
        pages.put("/instruments", owner);
        pages.put("/instruments/AAPL", owner);
        pages.put("/quality", admin);
        pages.put("/models", owner);
        pages.put("/operations", admin);
        try {
            for (ChromeDriver driver : List.of(owner, admin)) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                        "deviceScaleFactor", 1, "mobile", true));
            }
            for (Map.Entry<String, ChromeDriver> page : pages.entrySet()) {
                page(page.getValue(), page.getKey());
                Object widths = page.getValue().executeScript("return [document.documentElement.scrollWidth, "
                        + "document.documentElement.clientWidth];");
                assertThat((List<?>) widths).as(page.getKey() + ": [scrollWidth, clientWidth]")
                        .satisfies(w -> assertThat(((Number) w.get(0)).longValue())
                                .isLessThanOrEqualTo(((Number) w.get(1)).longValue()));
                if (page.getKey().startsWith("/portfolio")) {
                    screenshot(page.getValue(), "portfolio-375px");
                }
            }
        } finally {
            for (ChromeDriver driver : List.of(owner, admin)) {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    @Test
    void anAxeScanFindsNoSeriousViolationOnAnyPage() throws Exception {
        String axe;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, ChromeDriver> pages = new java.util.LinkedHashMap<>();
        for (String path : List.of("/", "/portfolio/" + ACCOUNT, "/transactions/" + ACCOUNT, "/balances/" + ACCOUNT,
                "/instruments", "/instruments/AAPL", "/models")) {
            pages.put(path, owner);
        }
        pages.put("/quality", admin);
        pages.put("/operations", admin);
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, ChromeDriver> page : pages.entrySet()) {
            ChromeDriver driver = page.getValue();
            page(driver, page.getKey());
            driver.executeScript(axe);
            Object found = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '): ' + v.nodes[0].html)));");
            ((List<?>) found).forEach(v -> violations.add(page.getKey() + " " + v));
        }
        assertThat(violations).isEmpty();
    }

    // --- the browser

    private ChromeDriver signIn(String username, String password) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingPort(Service.freePort()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        page(driver, "/");
        screenshot(driver, "sign-in");
        driver.findElement(By.id("sign-in")).click();
        waitFor(driver, By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(query.url("/"))
                && !d.findElements(By.id("sign-out")).isEmpty());
        return driver;
    }

    /** Opens a page and waits until it is drawn. */
    private void page(ChromeDriver driver, String path) {
        driver.get(query.url(path));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(
                d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(driver.findElements(By.cssSelector("#main .problem"))).as(path + " failed").isEmpty();
    }

    private static WebElement waitFor(ChromeDriver driver, By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> found = d.findElements(what);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static String cell(ChromeDriver driver, String asset, String field) {
        return driver.findElement(By.cssSelector("tr[data-asset='" + asset + "'] [data-field=" + field + "]")).getText();
    }

    /** Every holdings cell, and every valuation cell of the table, is the API's text. */
    private static void assertCells(ChromeDriver driver, JsonNode holdings, JsonNode valuation) {
        assertThat(driver.findElements(By.cssSelector("#holdings-table tbody tr"))).hasSize(holdings.size());
        for (JsonNode row : holdings) {
            String asset = row.get("asset").asText();
            for (String field : List.of("asset", "kind", "quantity", "averageCost", "costBasis", "realizedPl",
                    "lastChanged")) {
                assertThat(cell(driver, asset, field)).as(asset + " " + field).isEqualTo(text(row.get(field)));
            }
            JsonNode value = find(valuation.get("holdings"), asset);
            for (String field : List.of("status", "price", "marketValue", "unrealizedPl")) {
                assertThat(cell(driver, asset, field)).as(asset + " " + field)
                        .isEqualTo(value == null ? "" : text(value.get(field)));
            }
        }
    }

    private void fill(ChromeDriver driver, String type, String amount, String memo) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("record-type"))).selectByVisibleText(type);
        driver.findElement(By.id("record-amount")).clear();
        driver.findElement(By.id("record-amount")).sendKeys(amount);
        driver.findElement(By.id("record-memo")).clear();
        driver.findElement(By.id("record-memo")).sendKeys(memo);
    }

    private void screenshot(ChromeDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    // --- the API

    private int transactionCount() throws Exception {
        return api("/api/v1/accounts/" + ACCOUNT + "/transactions?limit=1000").get("items").size();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static JsonNode find(JsonNode rows, String asset) {
        return find(rows, asset, "asset");
    }

    private static JsonNode find(JsonNode rows, String value, String field) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asText())) {
                return row;
            }
        }
        return null;
    }

    /** {@link #api(String)} of a read with minPosition, asked again while the projection is behind (a loaded machine). */
    private JsonNode applied(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpResponse<String> answer;
        do {
            answer = send(HttpRequest.newBuilder(URI.create(query.url(path)))
                    .header("Authorization", "Bearer " + adminToken).build());
        } while (answer.statusCode() == 503 && System.nanoTime() < deadline);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** A read of the query side as the admin client (admins read every account). */
    private JsonNode api(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(query.url(path)))
                .header("Authorization", "Bearer " + adminToken).build());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** A call with a signed-in browser's cookies (its session and CSRF token), as another client of hers would. */
    private JsonNode sessionCall(ChromeDriver driver, String method, String path, String json) throws Exception {
        String session = driver.manage().getCookieNamed("SESSION").getValue();
        String csrf = driver.manage().getCookieNamed("XSRF-TOKEN").getValue();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(query.url(path)))
                .header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private JsonNode commandAsAdmin(String openAccount) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(command.url("/api/v1/accounts")))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(openAccount))
                .build());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private JsonNode createUser(String username, String role) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(auth.url("/api/v1/users")))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"roles\":[\"" + role
                        + "\"]}")).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    private String clientToken(String clientId, String clientSecret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(auth.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Service started(Service service) {
        started.add(service);
        return service;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> environment = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    // --- instrument forecasts, data quality and ingestion, models and anomalies, a 10-year chart

    @Test
    void theInstrumentPageOverlaysTheNewestForecastsWithTheirIntervalsAndModelAndShowsFeatures() throws Exception {
        String read = "/api/v1/forecasts/AAPL?target=CLOSE&limit=100&show=ALL"; // as the page reads them
        awaitMl(read, page -> page.get("forecasts").size() > 0);
        page(owner, "/instruments/AAPL?forecasts=all");
        JsonNode forecasts = ml(read);
        JsonNode drawn = JSON.readTree(waitFor(owner, By.cssSelector("#chart[data-forecasts]"))
                .getDomAttribute("data-forecasts"));
        String origin = "";
        for (JsonNode f : forecasts.get("forecasts")) {
            origin = f.get("originDate").asText().compareTo(origin) > 0 ? f.get("originDate").asText() : origin;
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode f : forecasts.get("forecasts")) {
            if (f.get("originDate").asText().equals(origin)) {
                expected.add(String.join(" ", f.at("/model/id").asText(), f.at("/model/kind").asText(),
                        f.get("horizon").asText(), exact(f.get("point")), exact(f.get("lower")), exact(f.get("upper"))));
            }
        }
        List<String> shown = new ArrayList<>();
        for (JsonNode f : drawn) {
            assertThat(f.get("originDate").asText()).isEqualTo(origin);
            shown.add(String.join(" ", f.get("model").asText(), f.get("kind").asText(), f.get("horizon").asText(),
                    exact(f.get("point")), exact(f.get("lower")), exact(f.get("upper"))));
        }
        assertThat(shown).as("the forecasts drawn: the API's newest, per model and horizon")
                .containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
        Object lines = owner.executeScript("return echarts.getInstanceByDom(document.getElementById('chart'))"
                + ".getOption().series.filter(s => s.type === 'line' && !s.stack).map(s => s.name + ' '"
                + " + s.data.filter(p => p).map(p => p.value).join(' '));");
        Map<String, StringBuilder> perModel = new java.util.LinkedHashMap<>();
        for (JsonNode f : drawn) { // the page draws them sorted by model, then horizon
            perModel.computeIfAbsent(f.get("model").asText(), m -> new StringBuilder(f.get("kind").asText() + " " + m))
                    .append(' ').append(jsNumber(f.get("point").asText()));
        }
        assertThat((List<?>) lines).as("one line per model through its points")
                .isEqualTo(perModel.values().stream().map(StringBuilder::toString).toList());
        assertThat(owner.findElements(By.cssSelector("#forecast-table tbody tr"))).hasSize(drawn.size());
        assertThat(owner.findElement(By.cssSelector("#forecast-table tbody tr")).getText())
                .contains(drawn.get(0).get("kind").asText(), drawn.get(0).get("model").asText());

        WebElement feature = waitFor(owner, By.cssSelector("#feature-table tbody tr"));
        String date = feature.getDomAttribute("data-date");
        JsonNode row = awaitMl("/api/v1/features/AAPL?from=" + date + "&to=" + date, page -> true).get("rows").get(0);
        for (String field : List.of("close", "logReturn", "sma20", "rsi14")) {
            assertThat(feature.findElement(By.cssSelector("[data-field=" + field + "]")).getDomAttribute("data-value"))
                    .as("feature " + field + " of " + date).isEqualTo(exact(row.get(field)));
        }
        screenshot(owner, "instrument-forecasts");
    }

    @Test
    void theDataQualityPageCountsVerdictsPerRuleAndSymbolAndListsIssuesAndRuns() throws Exception {
        // Two runs through the command API: stooq refuses, so one falls back to synthetic bars, the other fails.
        marketData("/api/v1/instruments", "{\"symbol\":\"RUNS\",\"name\":\"Runs\",\"type\":\"EQUITY\","
                + "\"currency\":\"USD\"}");
        long fallback = marketData("/api/v1/ingestion/runs", "{\"runId\":\"dash-fallback\",\"symbols\":[\"RUNS\"],"
                + "\"from\":\"2018-01-02\",\"to\":\"2018-01-31\",\"providers\":[\"stooq\",\"synthetic\"]}");
        long failing = marketData("/api/v1/ingestion/runs", "{\"runId\":\"dash-failing\",\"symbols\":[\"RUNS\"],"
                + "\"from\":\"2018-02-01\",\"to\":\"2018-02-28\",\"providers\":[\"stooq\"]}");
        applied("/api/v1/ingestion/runs/dash-fallback?minPosition=" + fallback);
        applied("/api/v1/ingestion/runs/dash-failing?minPosition=" + failing);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (api("/api/v1/ingestion/runs?status=RUNNING").size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000); // the sample prices' import
        }
        page(admin, "/quality");
        JsonNode overview = api("/api/v1/quality?limit=50");
        assertThat(admin.findElements(By.cssSelector("#quality-symbols tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-symbol")).toList())
                .isEqualTo(overview.get("symbols").findValuesAsText("symbol")).contains("AAPL");
        for (JsonNode symbol : overview.get("symbols")) {
            String row = "#quality-symbols tr[data-symbol='" + symbol.get("symbol").asText() + "'] ";
            for (String verdict : List.of("ACCEPTED", "FLAGGED", "REJECTED")) {
                assertThat(admin.findElement(By.cssSelector(row + "[data-verdict=" + verdict + "]")).getText())
                        .as(symbol.get("symbol") + " " + verdict).isEqualTo(symbol.at("/verdicts/" + verdict).asText());
            }
            for (JsonNode rule : symbol.get("rules")) {
                String cells = "#quality-rules tr[data-symbol='" + symbol.get("symbol").asText() + "'][data-rule='"
                        + rule.get("rule").asText() + "'] [data-verdict=FLAGGED]";
                assertThat(admin.findElement(By.cssSelector(cells)).getText()).as(cells)
                        .isEqualTo(rule.at("/verdicts/FLAGGED").isMissingNode() ? "0" : rule.at("/verdicts/FLAGGED").asText());
            }
        }
        assertThat(admin.findElements(By.cssSelector("#issues tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-position") + "-" + r.getDomAttribute("data-item")).toList())
                .as("the issues, newest first").isEqualTo(positions(overview.get("issues")));
        JsonNode runs = api("/api/v1/ingestion/runs?limit=20");
        List<String> expectedRuns = new ArrayList<>();
        List<String> expectedAttempts = new ArrayList<>();
        int detailed = 0;
        for (JsonNode run : runs) {
            expectedRuns.add(String.join(" | ", run.get("runId").asText(), run.get("trigger").asText(),
                    run.get("status").asText(), run.get("startedAt").asText(), orDash(text(run.get("finishedAt"))),
                    run.get("symbolsDone").asText() + " / " + run.get("symbols").size(),
                    orDash(text(run.get("barsReceived"))), run.get("failedAttempts").asText(),
                    orDash(joined(run.get("failedSymbols"))), text(run.get("cause"))));
            if (run.get("failedAttempts").asInt() > 0 && detailed++ < 5) { // the page details the newest five
                for (JsonNode a : api("/api/v1/ingestion/runs/" + run.get("runId").asText()).get("attempts")) {
                    expectedAttempts.add(String.join(" | ", run.get("runId").asText(), a.get("symbol").asText(),
                            a.get("provider").asText(), a.get("attempt").asText(), text(a.get("cause")),
                            a.get("nextStep").asText(), a.get("at").asText()));
                }
            }
        }
        JsonNode fellBack = find(runs, "dash-fallback", "runId");
        assertThat(fellBack.get("status").asText()).as("the fallback run").isEqualTo("COMPLETED");
        assertThat(fellBack.get("failedAttempts").asInt()).as("the fallback run's failed attempts").isPositive();
        assertThat(find(runs, "dash-failing", "runId").get("status").asText()).as("the failing run")
                .isEqualTo("FAILED");
        assertThat(rows(admin, "#runs")).as("every cell of the runs, as GET /ingestion/runs").isEqualTo(expectedRuns);
        assertThat(rows(admin, "#attempts")).as("every failed attempt, as GET /ingestion/runs/{id}")
                .isEqualTo(expectedAttempts)
                .anyMatch(a -> a.startsWith("dash-fallback | RUNS | stooq | ") && a.contains(" | FALLBACK | "))
                .anyMatch(a -> a.startsWith("dash-failing | RUNS | stooq | ") && a.contains(" | GIVE_UP | "));
        assertThat(admin.findElements(By.id("no-runs"))).as("the first-run hint").isEmpty();
        screenshot(admin, "quality");
        admin.executeScript("document.getElementById('runs').scrollIntoView()");
        screenshot(admin, "quality-runs");

        page(owner, "/quality");
        assertThat(owner.findElements(By.id("runs-hidden"))).as("runs are for operators and admins").hasSize(1);
        assertThat(owner.findElements(By.cssSelector("#quality-symbols tbody tr"))).isNotEmpty();
    }

    /** The text of every cell of a table's body, a row as "cell | cell | …". */
    private static List<String> rows(ChromeDriver driver, String table) {
        Object rows = driver.executeScript("return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
                + ".map(r => [...r.cells].map(c => c.innerText.replace(/\\s+/g, ' ').trim()).join(' | '));", table);
        return ((List<?>) rows).stream().map(String::valueOf).toList();
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "—" : text;
    }

    private static String joined(JsonNode texts) {
        List<String> out = new ArrayList<>();
        if (texts != null) {
            texts.forEach(t -> out.add(t.asText()));
        }
        return String.join(", ", out);
    }

    private static List<String> positions(JsonNode issues) {
        List<String> out = new ArrayList<>();
        issues.forEach(i -> out.add(i.get("position").asText() + "-" + i.get("item").asText()));
        return out;
    }

    @Test
    void theModelsPageListsTheRegistryWithMetricsAVersionsPromotionHistoryAndTheAnomalies() throws Exception {
        awaitMl("/api/v1/models?limit=200", page -> page.get("models").size() > 0);
        JsonNode settled = null; // the registry changes while models train: compare once it stands still
        for (int i = 0; i < 30 && !ml("/api/v1/models?limit=200").equals(settled); i++) {
            settled = ml("/api/v1/models?limit=200");
            Thread.sleep(2000);
        }
        page(admin, "/models");
        JsonNode registry = ml("/api/v1/models?limit=200");
        assertThat(admin.findElements(By.cssSelector("#models-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-model")).toList())
                .isEqualTo(registry.get("models").findValuesAsText("id"));
        List<String> champions = new ArrayList<>();
        for (JsonNode model : registry.get("models")) {
            assertThat(admin.findElement(By.cssSelector("#models-table tr[data-model='" + model.get("id").asText()
                    + "'] [data-field=status]")).getText()).isEqualTo(model.get("status").asText());
            if ("CHAMPION".equals(model.get("status").asText())) {
                champions.add(model.get("id").asText());
            }
        }
        JsonNode anomalies = ml("/api/v1/anomalies?limit=50").get("anomalies");
        assertThat(admin.findElements(By.cssSelector("#anomalies tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-anomaly")).toList()).isEqualTo(anomalies.findValuesAsText("id"));
        assertThat(admin.findElements(By.id("no-anomalies"))).hasSize(anomalies.isEmpty() ? 1 : 0);
        screenshot(admin, "models");

        assertThat(champions).as("the champions among the versions").isNotEmpty();
        String champion = champions.get(0);
        admin.findElement(By.cssSelector("#models-table tr[data-model='" + champion + "'] a")).click();
        new WebDriverWait(admin, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("?model=" + champion)
                && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        JsonNode promotions = ml("/api/v1/models/" + champion).get("promotions");
        assertThat(admin.findElements(By.cssSelector("#promotions tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-promotion")).toList()).isEqualTo(promotions.findValuesAsText("id"));
        assertThat(admin.findElements(By.id("no-promotions"))).hasSize(promotions.isEmpty() ? 1 : 0);
    }

    @Test
    void printsTheRenderTimeOfATenYearDailyChartWithItsSplitAndDividendMarked() throws Exception {
        // No exchange: a Monday-to-Friday calendar without holidays, so no bar is flagged by the calendar.
        marketData("/api/v1/instruments", "{\"symbol\":\"TENY\",\"name\":\"Ten years\",\"type\":\"EQUITY\","
                + "\"currency\":\"USD\"}");
        java.util.Random random = new java.util.Random(16);
        StringBuilder sent = new StringBuilder("{\"bars\":[");
        java.time.LocalDate day = java.time.LocalDate.parse("2013-12-31");
        long cents = 5000;
        for (int i = 0; i < 2520; i++) {
            do {
                day = day.plusDays(1);
            } while (day.getDayOfWeek().getValue() > 5);
            long close = Math.max(100, cents + (long) (random.nextGaussian() * cents / 100));
            long open = cents;
            sent.append(i > 0 ? "," : "").append("{\"date\":\"").append(day).append("\",\"open\":")
                    .append(decimal(open)).append(",\"high\":").append(decimal(Math.max(open, close) + 20))
                    .append(",\"low\":").append(decimal(Math.min(open, close) - 20)).append(",\"close\":")
                    .append(decimal(close)).append(",\"volume\":").append(100_000 + random.nextInt(50_000)).append('}');
            cents = close;
        }
        marketData("/api/v1/instruments/TENY/bars", sent.append("]}").toString());
        marketData("/api/v1/instruments/TENY/splits", "{\"effectiveDate\":\"2019-06-03\",\"numerator\":2,"
                + "\"denominator\":1}");
        marketData("/api/v1/instruments/TENY/dividends", "{\"exDate\":\"2021-03-01\",\"amount\":0.25,"
                + "\"currency\":\"USD\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api("/api/v1/instruments/TENY/actions").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonNode actions = api("/api/v1/instruments/TENY/actions");
        assertThat(actions.findValuesAsText("kind")).containsExactly("SPLIT", "DIVIDEND");

        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            page(admin, "/instruments/TENY");
            WebElement chart = waitFor(admin, By.cssSelector("#chart[data-drawn-millis]"));
            millis.add(Long.parseLong(chart.getDomAttribute("data-drawn-millis")));
            System.out.println("10-year daily chart, where the time went (ms from the navigation's start): "
                    + admin.executeScript(TIMELINE));
        }
        WebElement chart = admin.findElement(By.id("chart"));
        assertThat(JSON.readTree(chart.getDomAttribute("data-series"))).as("ten years of daily bars").hasSize(2520);
        JsonNode marked = JSON.readTree(chart.getDomAttribute("data-actions"));
        assertThat(marked.findValuesAsText("date")).isEqualTo(actions.findValuesAsText("date"));
        assertThat(marked.findValuesAsText("at")).containsExactly("2019-06-03", "2021-03-01");
        Object lines = admin.executeScript("return echarts.getInstanceByDom(document.getElementById('chart'))"
                + ".getOption().series[0].markLine.data.map(l => l.xAxis);");
        assertThat(((List<?>) lines).stream().map(String::valueOf).toList()).as("the split and the dividend marked")
                .containsExactly("2019-06-03", "2021-03-01");
        assertThat(admin.findElements(By.cssSelector("#actions tbody tr"))).hasSize(2);
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("10-year daily chart (2,520 bars): drawn %d ms after the navigation started (median of 5: %s)%n",
                sorted.get(2), millis);
        screenshot(admin, "instrument-10-years");
    }

    /** The page's reads (start-end), its marks and when the chart was drawn, in ms from the navigation's start. */
    private static final String TIMELINE = "const n = performance.getEntriesByType('navigation')[0];"
            + "return [`html ${n.responseEnd.toFixed(0)}`, `dom ${n.domContentLoadedEventEnd.toFixed(0)}`,"
            + "...performance.getEntriesByType('resource').map(e => `${e.name.replace(location.origin, '')"
            + ".replace(/\\?.*/, '')} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`),"
            + "...performance.getEntriesByType('mark').map(m => `${m.name} ${m.startTime.toFixed(0)}`),"
            + "`setOption ${document.getElementById('chart').dataset.renderMillis}`,"
            + "`drawn ${document.getElementById('chart').dataset.drawnMillis}`].join(', ');";

    /**
     * The last test, as it stops the ml-projector (a restart would cost a minute): the instrument page still draws
     * its bars and says at once that forecasts and features are unavailable, and so does the Models page.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void withTheMlProjectorStoppedThePagesSayForecastsAreUnavailable() throws Exception {
        ml.close();
        page(owner, "/instruments/AAPL");
        assertThat(owner.findElement(By.cssSelector("#forecasts [data-problem=unavailable]")).getText())
                .startsWith("Forecasts unavailable: the ml-projector does not answer.");
        assertThat(owner.findElement(By.cssSelector("#features [data-problem=unavailable]")).getText())
                .startsWith("Features unavailable: the ml-projector does not answer.");
        WebElement chart = owner.findElement(By.id("chart"));
        assertThat(JSON.readTree(chart.getDomAttribute("data-series"))).as("the bars, from the query side")
                .hasSize(api("/api/v1/instruments/AAPL/bars?limit=1000").get("bars").size());
        assertThat(chart.getDomAttribute("data-forecasts")).as("no forecast drawn").isNull();
        long ready = Long.parseLong(owner.findElement(By.tagName("body")).getDomAttribute("data-ready-millis"));
        assertThat(ready).as("the page is drawn without waiting for the relay's 30 s timeout").isLessThan(10_000);
        owner.executeScript("document.getElementById('forecasts').scrollIntoView()");
        screenshot(owner, "instrument-ml-unavailable");

        page(admin, "/models");
        assertThat(admin.findElement(By.id("ml-unavailable")).getText())
                .startsWith("Models, forecasts and anomalies unavailable: the ml-projector does not answer.");
        assertThat(admin.findElements(By.id("models-table"))).isEmpty();
        screenshot(admin, "models-ml-unavailable");
    }

    /** How JavaScript writes the number of this text (its shortest round trip, as Java's Double.toString but "1" for 1.0). */
    private static String jsNumber(String text) {
        String java = Double.toString(Double.parseDouble(text));
        return java.endsWith(".0") ? java.substring(0, java.length() - 2) : java;
    }

    private static String decimal(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    /** A number of the API as exact text ("" for null), compared by value: 1.50 and 1.5 are the same price. */
    private static String exact(JsonNode number) {
        return number == null || number.isNull() || number.asText().isEmpty() ? ""
                : new java.math.BigDecimal(number.asText()).stripTrailingZeros().toPlainString();
    }

    /** A read of the ml-projector as the admin client. */
    private JsonNode ml(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(ml.url(path)))
                .header("Authorization", "Bearer " + adminToken).build());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Waits (up to three minutes: models train once the sample prices arrive) for an ml-projector read to satisfy. */
    private JsonNode awaitMl(String path, java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(ml.url(path)))
                    .header("Authorization", "Bearer " + adminToken).build());
            if (answer.statusCode() == 200 && done.test(JSON.readTree(answer.body()))) {
                return JSON.readTree(answer.body());
            }
            assertThat(System.nanoTime()).as(path + " within 3 minutes: " + answer.body()).isLessThan(deadline);
            Thread.sleep(1000);
        }
    }
}
