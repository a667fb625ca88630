package dev.finflow.command.ingestion.providers;

import dev.finflow.events.values.Symbol;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;

import static dev.finflow.command.ingestion.providers.FixtureServer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which failures count against a provider's breaker, through Stooq's real client: a refused connection and a
 * timeout do (so does a 503, see {@code ProviderCircuitBreakerTest}); "No data" and a 400 count as successes.
 */
class ProviderCircuitsTest {

    static final FixtureServer server = new FixtureServer();
    static final LocalDate FEB_1 = LocalDate.of(2017, 2, 1);
    static final LocalDate FEB_28 = LocalDate.of(2017, 2, 28);
    /** Opens when 2 of the last 3 calls failed. */
    static final ProviderProperties.Circuit CIRCUIT = new ProviderProperties.Circuit(50, 3, 3, Duration.ofMinutes(1));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CircuitBreaker breaker = ProviderCircuits.of("stooq", ProviderCircuits.config(CIRCUIT), meters);

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refusedConnectionsOpenTheBreakerAndItsGaugeSaysSo() throws IOException {
        StooqProvider refused = stooq("http://127.0.0.1:" + closedPort() + "/q/d/l/", Duration.ofSeconds(2));
        assertThat(state()).isEqualTo(0);

        for (int call = 0; call < 3; call++) {
            assertThat(catchThrowable(() -> breaker.executeSupplier(() -> refused.fetch(new Symbol("AAPL"), FEB_1,
                    FEB_28)))).isInstanceOfSatisfying(ProviderFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.NETWORK));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(state()).isEqualTo(1);
        assertThat(catchThrowable(() -> breaker.executeSupplier(() -> refused.fetch(new Symbol("AAPL"), FEB_1,
                FEB_28)))).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    void timeoutsOpenTheBreaker() {
        server.on("/slow/", slow(1_500, ok("text/csv", resource("stooq-aapl.us-2017-02.csv"))));
        StooqProvider slow = stooq(server.url("/slow/"), Duration.ofMillis(300));

        for (int call = 0; call < 3; call++) {
            assertThat(catchThrowable(() -> breaker.executeSupplier(() -> slow.fetch(new Symbol("AAPL"), FEB_1,
                    FEB_28)))).isInstanceOfSatisfying(ProviderFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void answersAboutTheRequestCountAsSuccessfulCalls() {
        server.on("/nodata/", ok("text/plain", "No data"));
        server.on("/bad/", status(400, "text/plain", "Bad Request"));
        StooqProvider noData = stooq(server.url("/nodata/"), Duration.ofSeconds(2));
        StooqProvider bad = stooq(server.url("/bad/"), Duration.ofSeconds(2));

        for (int call = 0; call < 3; call++) {
            StooqProvider provider = call % 2 == 0 ? noData : bad;
            assertThat(catchThrowable(() -> breaker.executeSupplier(() -> provider.fetch(new Symbol("AAPL"), FEB_1,
                    FEB_28)))).isInstanceOfSatisfying(ProviderFailure.class,
                    failure -> assertThat(failure.kind()).isIn(ProviderFailure.Kind.NO_DATA,
                            ProviderFailure.Kind.CLIENT_ERROR));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(3);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(state()).isEqualTo(0);
    }

    private double state() {
        return meters.get("finflow.provider.circuit.state").tag("provider", "stooq").gauge().value();
    }

    private static StooqProvider stooq(String url, Duration timeout) {
        return new StooqProvider(new ProviderProperties.Stooq(true, url, ".us", null), timeout);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
