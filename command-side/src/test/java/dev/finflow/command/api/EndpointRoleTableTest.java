package dev.finflow.command.api;

import dev.finflow.command.CommandSideTest;
import dev.finflow.testing.EndpointRoleTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static dev.finflow.events.identity.Role.ADMIN;
import static dev.finflow.events.identity.Role.MARKET_DATA;
import static dev.finflow.events.identity.Role.METRICS;
import static dev.finflow.events.identity.Role.OWNER;

/**
 * Every endpoint of the command side, and who may call it: owners write the ledger, market-data operators
 * instruments and ingestion, nobody without a valid token from the trusted issuer anything but the health probes.
 */
@CommandSideTest
class EndpointRoleTableTest {

    static final EndpointRoleTable TABLE = new EndpointRoleTable()
            .row("POST", "/api/v1/accounts", "/api/v1/accounts", OWNER)
            .row("POST", "/api/v1/accounts/{accountId}/transactions", "/api/v1/accounts/t-1/transactions", OWNER)
            .row("POST", "/api/v1/accounts/{accountId}/transactions:batch",
                    "/api/v1/accounts/t-1/transactions:batch", OWNER)
            .row("POST", "/api/v1/accounts/{accountId}/transactions/{transactionId}/reversal",
                    "/api/v1/accounts/t-1/transactions/x/reversal", OWNER)
            .row("POST", "/api/v1/accounts/{accountId}/closure", "/api/v1/accounts/t-1/closure", OWNER)
            .row("POST", "/api/v1/accounts/{accountId}/grants", "/api/v1/accounts/t-1/grants", OWNER, ADMIN)
            .row("DELETE", "/api/v1/accounts/{accountId}/grants/{userId}", "/api/v1/accounts/t-1/grants/u-1",
                    OWNER, ADMIN)
            .row("POST", "/api/v1/transfers", "/api/v1/transfers", OWNER)
            .row("POST", "/api/v1/persons/{personId}/erasure", "/api/v1/persons/p-1/erasure", ADMIN)
            .row("GET", "/api/v1/persons/{personId}/export", "/api/v1/persons/table-owner/export", OWNER, ADMIN)
            .row("POST", "/api/v1/instruments", "/api/v1/instruments", MARKET_DATA)
            .row("POST", "/api/v1/instruments/{symbol}/bars", "/api/v1/instruments/T1/bars", MARKET_DATA)
            .row("POST", "/api/v1/instruments/{symbol}/splits", "/api/v1/instruments/T1/splits", MARKET_DATA)
            .row("POST", "/api/v1/instruments/{symbol}/dividends", "/api/v1/instruments/T1/dividends", MARKET_DATA)
            .row("POST", "/api/v1/instruments/{symbol}/bars/{date}/correction",
                    "/api/v1/instruments/T1/bars/2024-01-02/correction", MARKET_DATA)
            .row("POST", "/api/v1/ingestion/runs", "/api/v1/ingestion/runs", MARKET_DATA)
            .row("GET", "/api/v1/admin/processors", "/api/v1/admin/processors", ADMIN)
            .row("GET", "/api/v1/admin/processors/{name}/dead-letters",
                    "/api/v1/admin/processors/nothing/dead-letters", ADMIN)
            .row("POST", "/api/v1/admin/processors/{name}/dead-letters/retry",
                    "/api/v1/admin/processors/nothing/dead-letters/retry?sequence=a", ADMIN)
            .row("POST", "/api/v1/admin/processors/{name}/dead-letters/{eventId}/evict",
                    "/api/v1/admin/processors/nothing/dead-letters/e-1/evict", ADMIN)
            .open("GET", "/actuator/health", "/actuator/health")
            .open("GET", "/actuator/health/{*path}", "/actuator/health/liveness")
            .row("GET", "/actuator", "/actuator", ADMIN)
            .row("GET", "/actuator/info", "/actuator/info", ADMIN)
            .row("GET", "/actuator/metrics", "/actuator/metrics", ADMIN)
            .row("GET", "/actuator/metrics/{requiredMetricName}", "/actuator/metrics/jvm.threads.live", ADMIN)
            .row("GET", "/actuator/prometheus", "/actuator/prometheus", METRICS, ADMIN)
            .open("GET", "/v3/api-docs", "/v3/api-docs")
            .open("GET", "/v3/api-docs.yaml", "/v3/api-docs.yaml")
            .open("GET", "/v3/api-docs/swagger-config", "/v3/api-docs/swagger-config")
            .open("GET", "/swagger-ui.html", "/swagger-ui.html");

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void everyEndpointHasARowAndKeepsIt() {
        TABLE.verify(context, port);
    }
}
