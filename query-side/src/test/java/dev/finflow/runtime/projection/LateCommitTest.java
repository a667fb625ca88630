package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.TokenPositions;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer that took a lower global index commits after a writer that took a higher one (the command side's
 * lanes do this all the time). The later-committed, lower event is applied exactly once by every projection, and
 * no projection reports a position at or past it before it is applied.
 */
@QuerySideTest
class LateCommitTest {

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventCommittedAfterAHigherOneIsAppliedOnceAndHoldsPositionsBackUntilThen() throws Exception {
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("late-1", "alice");
        long opened = scenario.open("late-2", "alice");
        awaitAll(opened);

        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> early = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    long position = deposit("late-1", "held");
                    taken.countDown();
                    await(release);
                    return position;
                }));
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        long lower = jdbc.queryForObject("select last_value from events.domain_event_entry_global_index_seq",
                Long.class);
        long higher = deposit("late-2", "committed");
        assertThat(higher).isGreaterThan(lower);

        // The higher event is projected while the lower one is still uncommitted...
        EventAppender.await(() -> rows("late-2") == 1);
        Thread.sleep(1500);
        for (Projection projection : catalog.projections()) {
            assertThat(appliedThrough(projection)).as(projection.name()).isLessThan(lower);
        }
        assertThat(rows("late-1")).isZero();

        // ...and once it commits, it is applied exactly once and every position passes both.
        release.countDown();
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(lower);
        awaitAll(higher);
        assertThat(rows("late-1")).isEqualTo(1);
        assertThat(rows("late-2")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from " + catalog.tables("audit").name("audit_event")
                + " where position in (?, ?)", Long.class, lower, higher)).isEqualTo(2);
        assertThat(balance("late-1")).isEqualTo("100.00");
        assertThat(balance("late-2")).isEqualTo("100.00");
    }

    @Test
    void anIndexTakenByARolledBackInsertHoldsNoPositionBack() throws Exception {
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("hole-1", "alice");
        long opened = scenario.open("hole-2", "alice");
        awaitAll(opened);

        Hole hole = new Hole("hole-2");
        long written = deposit("hole-1", "kept");
        assertThat(written).isGreaterThan(hole.index);
        EventAppender.await(() -> rows("hole-1") == 1);
        for (Projection projection : catalog.projections()) {
            assertThat(appliedThrough(projection)).as(projection.name()).isLessThan(hole.index);
        }

        hole.rollBack();
        long since = System.nanoTime();
        awaitAll(written);
        long millis = (System.nanoTime() - since) / 1_000_000;

        assertThat(millis).as("ms until every projection passed the hole").isLessThan(1000);
        assertThat(rows("hole-1")).isEqualTo(1);
        assertThat(balance("hole-1")).isEqualTo("100.00");
    }

    @Test
    void aLongTransactionThatTookNoIndexDoesNotHoldAHoleOpen() throws Exception {
        LedgerScenario scenario = new LedgerScenario(events);
        scenario.open("long-1", "alice");
        long opened = scenario.open("long-2", "alice");
        awaitAll(opened);

        // A transaction that writes elsewhere and stays open (a rebuild's chunk, a migration, a batch job): it
        // holds a transaction id older than the hole below, but it never took a global index.
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> unrelated = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.execute("create table public.long_batch_job (id int)");
                    jdbc.queryForObject("select pg_current_xact_id()::text", String.class);
                    writing.countDown();
                    await(finish);
                    status.setRollbackOnly();
                }));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            Hole hole = new Hole("long-2");
            long written = deposit("long-1", "kept");
            assertThat(written).isGreaterThan(hole.index);
            hole.rollBack();

            long since = System.nanoTime();
            awaitAll(written);
            long millis = (System.nanoTime() - since) / 1_000_000;
            assertThat(millis).as("ms until every projection passed the hole, the long transaction still open")
                    .isLessThan(1000);
            assertThat(unrelated).isNotDone();
            assertThat(balance("long-1")).isEqualTo("100.00");
        } finally {
            finish.countDown();
            unrelated.get(10, TimeUnit.SECONDS);
        }
    }

    /** A deposit whose transaction holds its global index open until {@link #rollBack}: then it is a hole. */
    private final class Hole {

        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> writer;
        private final long index;

        Hole(String account) throws Exception {
            CountDownLatch taken = new CountDownLatch(1);
            writer = CompletableFuture.runAsync(() ->
                    new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        deposit(account, "never");
                        taken.countDown();
                        await(release);
                        status.setRollbackOnly();
                    }));
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            index = jdbc.queryForObject("select last_value from events.domain_event_entry_global_index_seq",
                    Long.class);
        }

        void rollBack() throws Exception {
            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    private long deposit(String account, String transaction) {
        return events.append("Account", account, new CashDepositedEvent(id(account), tx(transaction),
                eur("100.00"), null, day("2024-01-03"), null,
                List.of(cash("100.00"), leg(LegType.EXTERNAL, "EUR", "-100.00"))), "alice", "corr-" + transaction);
    }

    private long rows(String account) {
        return jdbc.queryForObject("select count(*) from " + catalog.tables("transactions").name("account_transaction")
                + " where account_id = ?", Long.class, account);
    }

    private String balance(String account) {
        var tables = catalog.tables("holdings");
        return jdbc.queryForObject("select h.quantity::text from " + tables.name("holding_key") + " k join "
                + tables.name("holding_history") + " h on h.account_id = k.account_id and h.asset = k.asset and "
                + "h.effective_date = k.last_date where k.account_id = ? and k.asset = 'EUR'", String.class, account);
    }

    private long appliedThrough(Projection projection) {
        return TokenPositions.appliedThrough(jdbc.queryForList("select token from query.token_entry where "
                + "processor_name = ?", String.class, catalog.tables(projection.name()).processorName()));
    }

    private void awaitAll(long position) {
        EventAppender.await(() -> catalog.projections().stream().allMatch(p -> appliedThrough(p) >= position));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
