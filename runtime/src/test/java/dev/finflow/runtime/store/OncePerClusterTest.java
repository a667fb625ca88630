package dev.finflow.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One database for the class: each test uses jobs of its own names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OncePerClusterTest {

    private static final String TABLE = "public.cluster_lock";

    private TestDatabase database;
    private HikariDataSource dataSource;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    void setUp() {
        database = TestDatabase.create();
        dataSource = TestPools.on(database);
        // The layout of the services' V12__cluster_locks.sql.
        new JdbcTemplate(dataSource).execute("create table cluster_lock (name varchar(64) not null primary key,"
                + " lock_until timestamp not null, locked_at timestamp not null, locked_by varchar(255) not null)");
    }

    @AfterAll
    void tearDown() {
        dataSource.close();
        database.close();
    }

    @Test
    void aJobFiredOnTwoInstancesAtTheSameMomentRunsOnce() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<OncePerCluster> instances = List.of(OncePerCluster.on(dataSource, TABLE, meters),
                OncePerCluster.on(dataSource, TABLE, meters));
        for (int round = 0; round < 10; round++) {
            String job = "job-" + round;
            AtomicInteger runs = new AtomicInteger();
            CyclicBarrier fire = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> fired = instances.stream().map(instance -> CompletableFuture.supplyAsync(
                    () -> {
                        await(fire);
                        return instance.run(job, Duration.ofMinutes(1), Duration.ofSeconds(30), runs::incrementAndGet);
                    })).toList();

            assertThat(fired.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
            assertThat(runs).as(job).hasValue(1);
        }
        assertThat(meters.get("finflow.cluster.job.runs").tag("outcome", "ran").counters())
                .extracting(counter -> counter.count()).containsOnly(1.0).hasSize(10);
    }

    @Test
    void theLockOfAnInstanceThatDiedMidRunExpiresAndTheNextFiringRunsTheJob() throws InterruptedException {
        // An instance takes the job's lock for at most 1 s and dies: it never lets go.
        JdbcTemplateLockProvider dead = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName(TABLE).withLockedByValue("dead")
                .usingDbTime().build());
        assertThat(dead.lock(new LockConfiguration(Instant.now(), "nightly", Duration.ofSeconds(1), Duration.ZERO)))
                .isPresent();
        OncePerCluster survivor = OncePerCluster.on(dataSource, TABLE, meters);
        AtomicInteger runs = new AtomicInteger();

        assertThat(survivor.run("nightly", Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isFalse();
        Thread.sleep(1_300);
        assertThat(survivor.run("nightly", Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select locked_by from " + TABLE
                + " where name = 'nightly'", String.class)).isEqualTo(survivor.instance());
    }

    @Test
    void aJobIsHeldAtLeastItsMinimumSoALateFiringElsewhereDoesNotRunItAgain() {
        OncePerCluster first = OncePerCluster.on(dataSource, TABLE, meters);
        OncePerCluster late = OncePerCluster.on(dataSource, TABLE, meters);
        AtomicInteger runs = new AtomicInteger();

        assertThat(first.run("daily", Duration.ofMinutes(1), Duration.ofSeconds(30), runs::incrementAndGet)).isTrue();
        assertThat(late.run("daily", Duration.ofMinutes(1), Duration.ofSeconds(30), runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
