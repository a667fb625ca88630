package dev.finflow.runtime.keys;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.runtime.store.SchemaMigrations;

import java.util.Arrays;

/**
 * What sealing costs one request (run by {@code deploy/bench/keys.sh}): as the controllers do, a sealer per request
 * and one memo sealed, with the key read from the key store each time (as before the cache) and from the instance's
 * cache. In this package because the cached key store is built by package-private code.
 */
public final class KeyLookupBench {

    private KeyLookupBench() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setMaximumPoolSize(10);
        int requests = Integer.parseInt(args[2]);
        KeyProperties master = new KeyProperties(KeyProperties.DEVELOPMENT_MASTER_KEY);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            SchemaMigrations.migrateEvents(dataSource);
            System.out.println("| round | key from | requests | p50 us | p99 us | mean us |");
            System.out.println("|---:|---|---:|---:|---:|---:|");
            for (int round = 1; round <= 2; round++) {
                for (boolean cached : new boolean[] {false, true}) {
                    try (PersonKeys keys = new PersonKeys(dataSource, master, cached)) {
                        PersonalData data = new PersonalData(keys);
                        data.sealer("bench-client").seal("warm-up");
                        Thread.sleep(500);
                        long[] nanos = new long[requests];
                        for (int i = 0; i < requests; i++) {
                            long start = System.nanoTime();
                            data.sealer("bench-client").seal("bench");
                            nanos[i] = System.nanoTime() - start;
                        }
                        Arrays.sort(nanos);
                        System.out.printf("| %d | %s | %d | %.1f | %.1f | %.1f |%n", round,
                                cached ? "cache" : "key store", requests, nanos[requests / 2] / 1e3,
                                nanos[requests * 99 / 100] / 1e3, Arrays.stream(nanos).average().orElse(0) / 1e3);
                    }
                }
            }
        }
    }
}
