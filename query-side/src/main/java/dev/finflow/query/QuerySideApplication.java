package dev.finflow.query;

import dev.finflow.runtime.projection.ProjectionConfiguration;
import dev.finflow.runtime.store.EventStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Read models on PostgreSQL: holdings, balances, transactions, audit trail; reactive query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({EventStoreConfiguration.class, ProjectionConfiguration.class})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
