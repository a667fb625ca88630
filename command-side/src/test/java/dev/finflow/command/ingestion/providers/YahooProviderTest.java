package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import org.junit.jupiter.api.Test;
import yahoofinance.YahooFinance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static dev.finflow.command.ingestion.providers.FixtureServer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Yahoo through yahoofinance-api's own chart and crumb requests, against a local server serving a recorded chart
 * and scripted failures. The library reads its URLs once per JVM, so one fixture server serves every test here,
 * each failure on a symbol of its own.
 */
class YahooProviderTest {

    static final FixtureServer server = YahooFixture.SERVER;
    static final LocalDate FEB_1 = LocalDate.of(2017, 2, 1);
    static final LocalDate FEB_28 = LocalDate.of(2017, 2, 28);
    final YahooProvider yahoo = YahooFixture.provider();

    @Test
    void readsTheRecordedChartWithExactPricesDatesInNewYorkAndTheDividend() {
        ProviderData data = yahoo.fetch(new Symbol("AAPL"), FEB_1, FEB_28);

        assertThat(YahooFinance.HISTQUOTES_QUERY2V8_BASE_URL).isEqualTo(server.url("/v8/finance/chart/"));
        assertThat(data.bars()).hasSize(19);
        assertThat(data.bars().get(0)).isEqualTo(new RawBar("2017-02-01", "127.03", "130.49", "127.01", "128.75",
                "127.1598", "111985040"));
        assertThat(data.bars().get(18).date()).isEqualTo("2017-02-28");
        assertThat(data.dividends()).containsExactly(
                new ProviderData.Dividend(LocalDate.of(2017, 2, 9), new BigDecimal("0.57")));
        assertThat(data.splits()).isEmpty();
    }

    @Test
    void asksForTheRangeAsEpochSecondsWithDailyInterval() {
        yahoo.fetch(new Symbol("AAPL"), FEB_1, FEB_28);

        FixtureServer.Seen chart = chartRequests("AAPL").get(chartRequests("AAPL").size() - 1);
        assertThat(chart.query()).contains("period1=1485907200", "period2=1488326400", "interval=1d");
    }

    @Test
    void obtainsCookieAndCrumbItselfAndSendsTheCookieWithTheChartRequest() {
        yahoo.fetch(new Symbol("AAPL"), FEB_1, FEB_28);

        assertThat(server.seen()).filteredOn(seen -> seen.path().equals("/consent")).isNotEmpty();
        assertThat(server.seen()).filteredOn(seen -> seen.path().equals("/v1/test/getcrumb"))
                .hasSize(1).allSatisfy(seen -> assertThat(seen.cookie()).contains("B=fixturecookie"));
        assertThat(chartRequests("AAPL")).isNotEmpty()
                .allSatisfy(seen -> assertThat(seen.cookie()).contains("B=fixturecookie"));
    }

    @Test
    void anEmptyRangeIsNoDataNotAnEmptySuccess() {
        assertThat(failure("EMPTY").kind()).isEqualTo(ProviderFailure.Kind.NO_DATA);
    }

    @Test
    void anUnknownSymbolIsNoData() {
        assertThat(failure("GONE").kind()).isEqualTo(ProviderFailure.Kind.NO_DATA);
    }

    @Test
    void unauthorizedIsALastingFailure() {
        ProviderFailure failure = failure("DENIED");
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void tooManyRequestsIsRateLimited() {
        ProviderFailure failure = failure("BUSY");
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void serverErrorsAreTransient() {
        assertThat(failure("DOWN").kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
    }

    @Test
    void aServerSlowerThanTheTimeoutIsATimeout() {
        long started = System.nanoTime();
        assertThat(failure("SLOW").kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
    }

    @Test
    void aBodyCutShortOfItsLengthIsTruncated() {
        assertThat(failure("CUT").kind()).isEqualTo(ProviderFailure.Kind.TRUNCATED);
    }

    @Test
    void jsonThatEndsEarlyIsTruncated() {
        assertThat(failure("CUTJSON").kind()).isEqualTo(ProviderFailure.Kind.TRUNCATED);
    }

    @Test
    void htmlInsteadOfJsonIsMalformed() {
        assertThat(failure("HTML").kind()).isEqualTo(ProviderFailure.Kind.MALFORMED);
    }

    private ProviderFailure failure(String symbol) {
        return catchThrowableOfType(ProviderFailure.class, () -> yahoo.fetch(new Symbol(symbol), FEB_1, FEB_28));
    }

    private static List<FixtureServer.Seen> chartRequests(String symbol) {
        return server.seen().stream().filter(seen -> seen.path().equals("/v8/finance/chart/" + symbol)).toList();
    }
}
