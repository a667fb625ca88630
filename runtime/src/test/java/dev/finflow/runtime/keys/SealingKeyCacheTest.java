package dev.finflow.runtime.keys;

import dev.finflow.events.privacy.SealedText;
import dev.finflow.runtime.store.SchemaMigrations;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service, each with its own cache of sealing keys, on one key store: a write seals from the
 * cache, an erasure through either drops the other's copy, and a copy that outlives its key opens nothing.
 */
class SealingKeyCacheTest {

    private static final KeyProperties MASTER = new KeyProperties(KeyProperties.DEVELOPMENT_MASTER_KEY);

    private static TestDatabase database;
    private static JdbcTemplate jdbc;
    private PersonKeys first;
    private PersonKeys second;

    @BeforeAll
    static void keyStore() {
        database = TestDatabase.create();
        SchemaMigrations.migrateEvents(dataSource("first"));
        jdbc = new JdbcTemplate(dataSource("test"));
    }

    @AfterAll
    static void dropKeyStore() {
        database.close();
    }

    @BeforeEach
    void twoInstances() {
        jdbc.update("delete from keys.person_key");
        first = new PersonKeys(dataSource("first"), MASTER, true);
        second = new PersonKeys(dataSource("second"), MASTER, true);
        // The cache starts with the first key sealed with.
        first.keyFor("someone");
        second.keyFor("someone");
        await(() -> first.caching() && second.caching(), "both instances listen");
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void sealsFromTheCacheAndACopyThatOutlivesItsKeySealsOnlyWhatReadsAsErased() {
        byte[] key = second.keyFor("alice");
        assertThat(second.caches("alice")).isTrue();
        // Deleted behind the caches' back (no announcement): only a cached copy can still answer.
        jdbc.update("delete from keys.person_key where person_id = 'alice'");

        assertThat(second.keyFor("alice")).as("from the cache, not the store").isEqualTo(key);
        String sealed = new PersonalData(second).sealer("alice").seal("Holiday fund");
        assertThat(new PersonalData(first).reader().open(sealed)).as("readers ask the store")
                .isEqualTo(SealedText.ERASED);
        assertThat(new PersonalData(second).reader().open(sealed)).isEqualTo(SealedText.ERASED);
    }

    @Test
    void anErasureThroughOneInstanceDropsTheCopyOfTheOther() {
        byte[] key = second.keyFor("alice");
        String sealed = new PersonalData(second).sealer("alice").seal("Holiday fund");
        second.keyFor("bob");
        assertThat(new PersonalData(first).reader().open(sealed)).isEqualTo("Holiday fund");

        long erased = System.nanoTime();
        assertThat(first.delete("alice")).isTrue();
        await(() -> !second.caches("alice"), "the second instance drops alice's key");
        System.out.printf("key cache: a deletion reached the other instance in %.1f ms%n",
                (System.nanoTime() - erased) / 1e6);

        assertThat(second.caches("bob")).as("only the erased person's key is dropped").isTrue();
        assertThat(second.keyFor("alice")).as("a new key for what alice writes next").isNotEqualTo(key);
        assertThat(new PersonalData(second).reader().open(sealed)).isEqualTo(SealedText.ERASED);
    }

    @Test
    void anInstanceThatStopsHearingDeletionsEmptiesItsCacheAndReadsTheStoreAgain() {
        byte[] key = second.keyFor("alice");
        jdbc.update("delete from keys.person_key where person_id = 'alice'");
        assertThat(second.keyFor("alice")).isEqualTo(key);

        Integer terminated = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = 'second' and query like 'listen %'", Integer.class);
        assertThat(terminated).isEqualTo(1);

        await(() -> !second.caches("alice"), "the second instance empties its cache");
        assertThat(second.keyFor("alice")).as("read (and made) anew in the store").isNotEqualTo(key);
        await(second::caching, "the second instance listens again");
    }

    @Test
    void holdsAtMostItsBoundLeastRecentlyUsedOut() {
        AtomicInteger loads = new AtomicInteger();
        try (SealingKeyCache cache = new SealingKeyCache(dataSource("bounded"), 2)) {
            await(cache::listening, "the cache listens");
            cache.get("a", () -> new byte[] {(byte) loads.incrementAndGet()});
            cache.get("b", () -> new byte[] {(byte) loads.incrementAndGet()});
            cache.get("a", () -> new byte[] {(byte) loads.incrementAndGet()});
            cache.get("c", () -> new byte[] {(byte) loads.incrementAndGet()});

            assertThat(loads).hasValue(3);
            assertThat(cache.holds("a")).isTrue();
            assertThat(cache.holds("b")).as("least recently used").isFalse();
            assertThat(cache.holds("c")).isTrue();
        }
    }

    private static PGSimpleDataSource dataSource(String instance) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        dataSource.setApplicationName(instance);
        return dataSource;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s: %s", what).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
