package dev.finflow.command.ingestion.runs.process;

import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.command.ingestion.providers.ProviderProperties;
import dev.finflow.runtime.store.SchemaMigrations;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's token bucket lives in PostgreSQL, so replicas share one rate instead of each having its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderRatesTest {

    private TestDatabase database;
    private List<HikariDataSource> replicas;

    @BeforeAll
    void migrate() {
        database = TestDatabase.create();
        // Two connection pools on one database: what two command-side replicas have.
        replicas = Stream.of("first", "second").map(name -> {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setPoolName(name);
            dataSource.setJdbcUrl(database.jdbcUrl());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
            return dataSource;
        }).toList();
        new SchemaMigrations(replicas.get(0), "command");
    }

    @AfterAll
    void drop() {
        replicas.forEach(HikariDataSource::close);
        database.close();
    }

    @Test
    void aBurstGoesThroughThenCallsArePacedAtTheRate() throws InterruptedException {
        ProviderRates rates = new ProviderRates(new JdbcTemplate(replicas.get(0)));
        ProviderProperties.Rate rate = new ProviderProperties.Rate(5, 3);
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            rates.acquire("paced", rate);
        }
        Duration burst = Duration.ofNanos(System.nanoTime() - start);
        for (int i = 0; i < 4; i++) {
            rates.acquire("paced", rate);
        }
        Duration paced = Duration.ofNanos(System.nanoTime() - start);

        // Without the burst, 3 calls at 5 per second would take 400 ms.
        assertThat(burst).isLessThan(Duration.ofMillis(390));
        // 4 calls beyond the burst at 5 per second take at least 0.8 s.
        assertThat(paced).isGreaterThanOrEqualTo(Duration.ofMillis(780));
    }

    @Test
    void twoReplicasTogetherStayWithinOneRate() {
        ProviderProperties.Rate rate = new ProviderProperties.Rate(5, 2);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> calls = replicas.stream().map(replica -> CompletableFuture.runAsync(() -> {
            ProviderRates rates = new ProviderRates(new JdbcTemplate(replica));
            for (int i = 0; i < 6; i++) {
                try {
                    rates.acquire("shared", rate);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        })).toList();
        calls.forEach(CompletableFuture::join);
        Duration both = Duration.ofNanos(System.nanoTime() - start);

        // 12 calls, 2 of them in the burst, the other 10 at 5 per second: 2 s. A bucket per replica would let
        // each replica's 6 calls through in 0.8 s, side by side.
        assertThat(both).isGreaterThanOrEqualTo(Duration.ofMillis(1_950));
        assertThat(new JdbcTemplate(replicas.get(1)).queryForObject(
                "select count(*) from command.provider_rate where provider = 'shared'", Integer.class)).isEqualTo(1);
    }
}
