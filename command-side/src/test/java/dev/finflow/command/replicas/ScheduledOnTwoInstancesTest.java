package dev.finflow.command.replicas;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command sides whose schedules fire every second: each firing runs on one instance only, so the watchlist
 * starts one run and the freshness check runs once, while the other firings on both instances are skipped.
 */
@CommandSideTest
@TestPropertySource(properties = {
        "finflow.ingestion.schedule.enabled=true",
        "finflow.ingestion.schedule.zone=UTC",
        "finflow.ingestion.watchlists[0].name=every-second",
        "finflow.ingestion.watchlists[0].symbols=TWICE",
        "finflow.ingestion.watchlists[0].cron=* * * * * *",
        "finflow.ingestion.watchlists[0].providers=synthetic",
        "finflow.instruments.freshness-cron=* * * * * *"})
class ScheduledOnTwoInstancesTest {

    private static final List<String> SCHEDULE = List.of(
            "--finflow.ingestion.schedule.enabled=true",
            "--finflow.ingestion.schedule.zone=UTC",
            "--finflow.ingestion.watchlists[0].name=every-second",
            "--finflow.ingestion.watchlists[0].symbols=TWICE",
            "--finflow.ingestion.watchlists[0].cron=* * * * * *",
            "--finflow.ingestion.watchlists[0].providers=synthetic",
            "--finflow.instruments.freshness-cron=* * * * * *");

    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StoredEvents store;

    @Test
    void aJobFiringOnBothInstancesEverySecondRunsOnce() throws InterruptedException {
        try (ConfigurableApplicationContext second = SecondInstance.start(environment,
                SCHEDULE.toArray(String[]::new))) {
            List<MeterRegistry> both = List.of(meters, second.getBean(MeterRegistry.class));
            List<MeterRegistry> secondOnly = both.subList(1, 2);
            // The first instance has been firing since it started; wait for the second to fire a few times too
            // (well within the minute a firing holds its job's lock).
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (fired(secondOnly, "watchlist-every-second") < 3 || fired(secondOnly, "freshness-check") < 3) {
                assertThat(System.nanoTime()).as("the second instance fires its schedules").isLessThan(deadline);
                Thread.sleep(200);
            }

            assertThat(count(both, "watchlist-every-second", "ran")).isEqualTo(1);
            assertThat(count(both, "freshness-check", "ran")).isEqualTo(1);
            assertThat(count(both, "watchlist-every-second", "skipped")).isGreaterThanOrEqualTo(3);
            assertThat(store.all()).filteredOn(row -> row.simpleType().equals("IngestionRunStartedEvent"))
                    .hasSize(1);
        }
    }

    private static long fired(List<MeterRegistry> registries, String job) {
        return count(registries, job, "ran") + count(registries, job, "skipped");
    }

    private static long count(List<MeterRegistry> registries, String job, String outcome) {
        return registries.stream().mapToLong(registry -> {
            Counter counter = registry.find("finflow.cluster.job.runs").tag("job", job).tag("outcome", outcome)
                    .counter();
            return counter == null ? 0 : (long) counter.count();
        }).sum();
    }
}
