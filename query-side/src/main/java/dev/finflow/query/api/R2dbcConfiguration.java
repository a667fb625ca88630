package dev.finflow.query.api;

import dev.finflow.runtime.store.DatabaseProperties;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;

/**
 * The reactive connection pool the API reads through. Its URL is derived from the one JDBC URL every service is
 * configured with ({@code jdbc:postgresql://host:port/db} becomes {@code r2dbc:postgresql://host:port/db}), so
 * there is one database setting to get right. Declared here because Boot's R2DBC auto-configuration is not on
 * the classpath (it would stand in the way of the JDBC DataSource the projections write with).
 */
@Configuration(proxyBeanMethods = false)
class R2dbcConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionPool readConnections(DatabaseProperties database,
                                   @Value("${finflow.query.read-pool-size:8}") int poolSize) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl(database.url())).mutate()
                .option(ConnectionFactoryOptions.USER, database.user())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .initialSize(Math.min(2, poolSize))
                .maxSize(poolSize)
                .maxAcquireTime(Duration.ofSeconds(5))
                .maxIdleTime(Duration.ofMinutes(10))
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionPool readConnections) {
        return DatabaseClient.create(readConnections);
    }

    /** The R2DBC form of a PostgreSQL JDBC URL; query parameters other than the path are dropped. */
    static String r2dbcUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("FINFLOW_DB_URL must be a jdbc:postgresql: URL, was " + jdbcUrl);
        }
        String url = jdbcUrl.substring("jdbc:".length());
        int query = url.indexOf('?');
        return "r2dbc:" + (query < 0 ? url : url.substring(0, query));
    }
}
