package dev.finflow.runtime.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Creates and migrates the shared {@code events} schema and this service's own schema at start-up, each with its
 * own Flyway history. Every service runs the events migrations, so the services can start in any order; Flyway's
 * lock makes that safe.
 */
public final class SchemaMigrations {

    public static final String EVENTS_SCHEMA = "events";
    /** The persons' data keys, beside the event store and outside its schema (docs/privacy.md). */
    public static final String KEYS_SCHEMA = "keys";

    public SchemaMigrations(DataSource dataSource, String serviceSchema) {
        migrateEvents(dataSource);
        migrate(dataSource, serviceSchema);
    }

    /**
     * Creates and migrates the shared {@code events} schema and the {@code keys} schema beside it only, for a
     * writer that keeps its own schema itself.
     */
    public static void migrateEvents(DataSource dataSource) {
        migrate(dataSource, EVENTS_SCHEMA);
        migrate(dataSource, KEYS_SCHEMA);
    }

    private static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/" + schema)
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }
}
