package dev.finflow.query.api;

import dev.finflow.events.identity.Role;
import dev.finflow.query.QuerySideTest;
import dev.finflow.testing.EndpointRoleTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static dev.finflow.events.identity.Role.ADMIN;
import static dev.finflow.events.identity.Role.AUDITOR;
import static dev.finflow.events.identity.Role.MARKET_DATA;
import static dev.finflow.events.identity.Role.METRICS;
import static dev.finflow.events.identity.Role.OWNER;
import static dev.finflow.events.identity.Role.VIEWER;

/**
 * Every endpoint of the query side, and who may call it: account rows for owners, viewers (which accounts: their
 * grants, see AccessIsolationTest) and admins, the audit trail and lineage for all of them (owners and viewers
 * see their granted accounts' events only, see AccessIsolationTest), market data for everyone signed in,
 * ingestion runs for operators, admin for admins (and verify for auditors); the browser's session endpoints for
 * anyone signed in, its relays for every user role (the target service then decides; here no target answers, so
 * a caller let through gets 503); the dashboard's pages for anyone (the shell holds no data), Operations for admins.
 */
@QuerySideTest
@TestPropertySource(properties = {"finflow.bff.command-uri=http://127.0.0.1:9", "finflow.bff.ml-uri=http://127.0.0.1:9"})
class EndpointRoleTableTest {

    private static final Role[] ANY_USER = {OWNER, VIEWER, AUDITOR, MARKET_DATA, ADMIN};
    private static final Role[] ANY_TOKEN = Role.values();

    static final EndpointRoleTable TABLE = new EndpointRoleTable()
            .row("GET", "/api/v1/accounts", "/api/v1/accounts", OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/holdings", "/api/v1/accounts/t-1/holdings",
                    OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/holdings/stream", "/api/v1/accounts/t-1/holdings/stream",
                    OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/monthly-balances", "/api/v1/accounts/t-1/monthly-balances",
                    OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/transactions", "/api/v1/accounts/t-1/transactions",
                    OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/changes", "/api/v1/accounts/t-1/changes", OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/valuation", "/api/v1/accounts/t-1/valuation", OWNER, VIEWER, ADMIN)
            .row("GET", "/api/v1/accounts/{accountId}/performance", "/api/v1/accounts/t-1/performance", OWNER, VIEWER,
                    ADMIN)
            .row("GET", "/api/v1/lineage/holdings/{accountId}/{asset}", "/api/v1/lineage/holdings/t-1/EUR",
                    OWNER, VIEWER, AUDITOR, ADMIN)
            .row("GET", "/api/v1/lineage/monthly-balances/{accountId}/{asset}/{month}",
                    "/api/v1/lineage/monthly-balances/t-1/EUR/2024-01", OWNER, VIEWER, AUDITOR, ADMIN)
            .row("GET", "/api/v1/audit/events", "/api/v1/audit/events", OWNER, VIEWER, AUDITOR, ADMIN)
            .row("GET", "/api/v1/instruments", "/api/v1/instruments", ANY_USER)
            .row("GET", "/api/v1/instruments/{symbol}/bars", "/api/v1/instruments/T1/bars", ANY_USER)
            .row("GET", "/api/v1/instruments/{symbol}/bars/stream", "/api/v1/instruments/T1/bars/stream", ANY_USER)
            .row("GET", "/api/v1/instruments/{symbol}/quality", "/api/v1/instruments/T1/quality", ANY_USER)
            .row("GET", "/api/v1/instruments/{symbol}/actions", "/api/v1/instruments/T1/actions", ANY_USER)
            .row("GET", "/api/v1/quality", "/api/v1/quality", ANY_USER)
            .row("GET", "/api/v1/ingestion/runs", "/api/v1/ingestion/runs", MARKET_DATA, ADMIN)
            .row("GET", "/api/v1/ingestion/runs/{runId}", "/api/v1/ingestion/runs/r-1", MARKET_DATA, ADMIN)
            .row("GET", "/api/v1/admin/projections", "/api/v1/admin/projections", ADMIN)
            .row("GET", "/api/v1/admin/projections/{name}", "/api/v1/admin/projections/holdings", ADMIN)
            .row("GET", "/api/v1/admin/projections/{name}/verify", "/api/v1/admin/projections/nothing/verify",
                    ADMIN, AUDITOR)
            .row("POST", "/api/v1/admin/projections/{name}/rebuild", "/api/v1/admin/projections/nothing/rebuild",
                    ADMIN)
            .row("POST", "/api/v1/admin/projections/{name}/swap", "/api/v1/admin/projections/nothing/swap", ADMIN)
            .row("GET", "/api/v1/admin/projections/{name}/dead-letters",
                    "/api/v1/admin/projections/nothing/dead-letters", ADMIN)
            .row("POST", "/api/v1/admin/projections/{name}/dead-letters/retry",
                    "/api/v1/admin/projections/nothing/dead-letters/retry?sequence=a", ADMIN)
            .row("POST", "/api/v1/admin/projections/{name}/dead-letters/{eventId}/evict",
                    "/api/v1/admin/projections/nothing/dead-letters/e-1/evict", ADMIN)
            .row("GET", "/bff/session", "/bff/session", ANY_TOKEN)
            .row("POST", "/bff/logout", "/bff/logout", ANY_TOKEN)
            .row("GET", "/bff/command/**", "/bff/command/api/v1/accounts/t-1", ANY_USER)
            .row("POST", "/bff/command/**", "/bff/command/api/v1/accounts", ANY_USER)
            .row("PUT", "/bff/command/**", "/bff/command/api/v1/accounts/t-1", ANY_USER)
            .row("PATCH", "/bff/command/**", "/bff/command/api/v1/accounts/t-1", ANY_USER)
            .row("DELETE", "/bff/command/**", "/bff/command/api/v1/accounts/t-1", ANY_USER)
            .row("GET", "/bff/ml/**", "/bff/ml/api/v1/models", ANY_USER)
            .row("POST", "/bff/ml/**", "/bff/ml/api/v1/models", ANY_USER)
            .row("PUT", "/bff/ml/**", "/bff/ml/api/v1/models", ANY_USER)
            .row("PATCH", "/bff/ml/**", "/bff/ml/api/v1/models", ANY_USER)
            .row("DELETE", "/bff/ml/**", "/bff/ml/api/v1/models", ANY_USER)
            .open("GET", "/", "/")
            .open("GET", "/portfolio/{accountId}", "/portfolio/t-1")
            .open("GET", "/transactions/{accountId}", "/transactions/t-1")
            .open("GET", "/balances/{accountId}", "/balances/t-1")
            .open("GET", "/instruments", "/instruments")
            .open("GET", "/instruments/{symbol}", "/instruments/T1")
            .open("GET", "/quality", "/quality")
            .open("GET", "/models", "/models")
            .row("GET", "/operations", "/operations", ADMIN)
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
