package dev.finflow.runtime.keys;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Rotates the master key: re-wraps every person's key from {@code FINFLOW_KEYS_MASTER_KEY} to
 * {@code FINFLOW_KEYS_NEW_MASTER_KEY} (docs/privacy.md). Run from the command side's jar:
 * {@code java -cp command-side.jar -Dloader.main=dev.finflow.runtime.keys.MasterKeyRotation
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class MasterKeyRotation {

    private MasterKeyRotation() {
    }

    public static void main(String[] args) {
        String url = environment("FINFLOW_DB_URL", "");
        String next = environment("FINFLOW_KEYS_NEW_MASTER_KEY", "");
        if (url.isEmpty() || next.isEmpty()) {
            System.err.println("usage: FINFLOW_DB_URL (and FINFLOW_DB_USER, FINFLOW_DB_PASSWORD), "
                    + "FINFLOW_KEYS_MASTER_KEY (the current key) and FINFLOW_KEYS_NEW_MASTER_KEY must be set");
            System.exit(2);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(environment("FINFLOW_DB_USER", System.getProperty("user.name")));
        dataSource.setPassword(environment("FINFLOW_DB_PASSWORD", ""));
        PersonKeys keys = new PersonKeys(dataSource, new KeyProperties(environment("FINFLOW_KEYS_MASTER_KEY",
                KeyProperties.DEVELOPMENT_MASTER_KEY)));
        long started = System.nanoTime();
        int count = keys.rewrap(new KeyProperties(next));
        System.out.printf("rotation: %d keys re-wrapped, %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
