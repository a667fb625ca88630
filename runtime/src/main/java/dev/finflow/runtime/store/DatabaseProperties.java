package dev.finflow.runtime.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the event store and this service's read models live ({@code FINFLOW_DB_URL}, {@code FINFLOW_DB_USER},
 * {@code FINFLOW_DB_PASSWORD}), and the service's own schema for its tokens and tables.
 *
 * @param url      JDBC URL of the PostgreSQL database
 * @param user     database user
 * @param password database password
 * @param poolSize most JDBC connections this service opens
 * @param schema   this service's own schema (command, query, ml); its migrations are {@code db/<schema>}
 */
@ConfigurationProperties("finflow.db")
public record DatabaseProperties(String url,
                                 @DefaultValue("postgres") String user,
                                 @DefaultValue("") String password,
                                 @DefaultValue("16") int poolSize,
                                 String schema) {

    public DatabaseProperties {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("FINFLOW_DB_URL (finflow.db.url) is not set. Start Finflow with the "
                    + "local runner (see README), which starts an embedded PostgreSQL, or point FINFLOW_DB_URL at a "
                    + "PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/finflow");
        }
        if (schema == null || !schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalStateException("finflow.db.schema must name this service's schema, was " + schema);
        }
    }
}
