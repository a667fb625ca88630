package dev.finflow.runtime.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs scheduled work once per cluster when every replica fires the same schedule: a job runs only on the
 * instance that takes its lock row (ShedLock on PostgreSQL, times from the database's clock); the others skip
 * that firing. A lock is held at least {@code atLeast} (so an instance whose clock is a little late does not run
 * the job again after the first finished) and at most {@code atMost}: when an instance dies mid-run, its lock
 * expires then and the next firing anywhere runs the job.
 */
public final class OncePerCluster {

    private static final Logger log = LoggerFactory.getLogger(OncePerCluster.class);

    private final LockProvider locks;
    private final String instance;
    private final MeterRegistry meters;

    OncePerCluster(LockProvider locks, String instance, MeterRegistry meters) {
        this.locks = locks;
        this.instance = instance;
        this.meters = meters;
    }

    /** Locks kept in {@code table} (a service's {@code <schema>.cluster_lock}), taken in this instance's name. */
    public static OncePerCluster on(DataSource dataSource, String table, MeterRegistry meters) {
        String instance = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new OncePerCluster(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(table)
                .withLockedByValue(instance)
                .usingDbTime()
                .build()), instance, meters);
    }

    /**
     * Runs {@code work} unless another instance holds {@code job}'s lock; true when it ran here. Counted in
     * {@code finflow_cluster_job_runs_total{job, outcome=ran|skipped}}.
     */
    public boolean run(String job, Duration atMost, Duration atLeast, Runnable work) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), job, atMost, atLeast));
        counter(job, lock.isPresent() ? "ran" : "skipped").increment();
        if (lock.isEmpty()) {
            log.debug("{} skipped: another instance runs it", job);
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.get().unlock();
        }
    }

    /** The name this instance takes locks in ({@code locked_by}). */
    public String instance() {
        return instance;
    }

    private Counter counter(String job, String outcome) {
        return Counter.builder("finflow.cluster.job.runs").description("Firings of once-per-cluster jobs")
                .tag("job", job).tag("outcome", outcome).register(meters);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            return "instance";
        }
    }
}
