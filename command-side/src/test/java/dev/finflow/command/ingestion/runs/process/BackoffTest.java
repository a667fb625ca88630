package dev.finflow.command.ingestion.runs.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Exponential backoff with jitter and Retry-After (the providers' shared rates: {@link ProviderRatesTest}). */
class BackoffTest {

    final RunProperties.Retry retry = new RunProperties.Retry(5, Duration.ofMillis(100), Duration.ofMillis(1_000),
            2.0, 0.5);

    @Test
    void delaysGrowExponentiallyUpToTheCapWithJitterTakingAtMostItsShare() {
        Backoff backoff = new Backoff(retry, new Random(7));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(backoff.delay(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(backoff.delay(10, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1_000));
        }
    }

    @Test
    void jitterSpreadsRetriesThatFailedTogether() {
        Backoff backoff = new Backoff(retry, new Random(7));
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(2, null)).distinct().count())
                .isGreaterThan(20);
    }

    @Test
    void retryAfterIsHonouredUnlessLongerThanTheCap() {
        Backoff backoff = new Backoff(retry, new Random(7));
        assertThat(backoff.delay(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.delay(1, Duration.ofSeconds(5))).isNull();
    }
}
