package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static dev.finflow.command.ingestion.providers.FixtureServer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Stooq's CSV download through the real client against a local server serving recorded responses and errors. */
class StooqProviderTest {

    static final FixtureServer server = new FixtureServer();
    static final LocalDate FEB_1 = LocalDate.of(2017, 2, 1);
    static final LocalDate FEB_28 = LocalDate.of(2017, 2, 28);
    static StooqProvider stooq;

    @BeforeAll
    static void start() {
        stooq = new StooqProvider(new ProviderProperties.Stooq(true, server.url("/q/d/l/"), ".us", null),
                Duration.ofMillis(2_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readsTheRecordedDownloadIntoRawBarsAndAsksForTheRange() {
        server.on("/q/d/l/", ok("text/csv", resource("stooq-aapl.us-2017-02.csv")));
        server.forget();

        ProviderData data = stooq.fetch(new Symbol("AAPL"), FEB_1, FEB_28);

        assertThat(data.bars()).hasSize(19);
        assertThat(data.bars().get(0)).isEqualTo(new RawBar("2017-02-01", "127.03", "130.49", "127.01", "128.75",
                null, "111985040"));
        assertThat(data.bars().get(18).date()).isEqualTo("2017-02-28");
        assertThat(server.seen()).singleElement().satisfies(seen ->
                assertThat(seen.query()).isEqualTo("s=aapl.us&i=d&d1=20170201&d2=20170228"));
    }

    @Test
    void keepsOnlyTheAskedRange() {
        server.on("/q/d/l/", ok("text/csv", resource("stooq-aapl.us-2017-02.csv")));

        ProviderData data = stooq.fetch(new Symbol("AAPL"), LocalDate.of(2017, 2, 13), LocalDate.of(2017, 2, 17));

        assertThat(data.bars()).extracting(RawBar::date)
                .containsExactly("2017-02-13", "2017-02-14", "2017-02-15", "2017-02-16", "2017-02-17");
    }

    @Test
    void noDataIsAFailureNotAnEmptySuccess() {
        server.on("/q/d/l/", ok("text/plain", "No data"));
        assertThat(failure().kind()).isEqualTo(ProviderFailure.Kind.NO_DATA);
    }

    @Test
    void unauthorizedIsALastingFailure() {
        server.on("/q/d/l/", status(401, "text/plain", "Unauthorized"));
        ProviderFailure failure = failure();
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        server.on("/q/d/l/", status(429, "text/plain", "slow down", "Retry-After", "7"));
        ProviderFailure failure = failure();
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void theDailyHitLimitNoticeIsRateLimiting() {
        server.on("/q/d/l/", ok("text/plain", "Exceeded the daily hits limit"));
        assertThat(failure().kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
    }

    @Test
    void serverErrorsAreTransient() {
        server.on("/q/d/l/", status(503, "text/html", "<html>busy</html>"));
        ProviderFailure failure = failure();
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aServerSlowerThanTheTimeoutIsATimeout() {
        server.on("/q/d/l/", slow(5_000, ok("text/csv", resource("stooq-aapl.us-2017-02.csv"))));
        long started = System.nanoTime();
        assertThat(failure().kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
    }

    @Test
    void aBodyCutShortOfItsLengthIsTruncated() {
        server.on("/q/d/l/", truncated("text/csv", resource("stooq-aapl.us-2017-02.csv")));
        assertThat(failure().kind()).isEqualTo(ProviderFailure.Kind.TRUNCATED);
    }

    @Test
    void aLastLineCutMidRecordIsTruncated() {
        String csv = resource("stooq-aapl.us-2017-02.csv");
        server.on("/q/d/l/", ok("text/csv", csv.substring(0, csv.indexOf("2017-02-10") + 16)));
        assertThat(failure().kind()).isEqualTo(ProviderFailure.Kind.TRUNCATED);
    }

    @Test
    void htmlInsteadOfCsvIsMalformed() {
        server.on("/q/d/l/", ok("text/html", resource("consent.html")));
        ProviderFailure failure = failure();
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.MALFORMED);
        assertThat(failure.retryable()).isFalse();
    }

    private ProviderFailure failure() {
        return catchThrowableOfType(ProviderFailure.class, () -> stooq.fetch(new Symbol("AAPL"), FEB_1, FEB_28));
    }
}
