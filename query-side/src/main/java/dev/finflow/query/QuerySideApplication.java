package dev.finflow.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Read models on PostgreSQL: holdings, balances, prices, quality, audit trail; reactive query API. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
