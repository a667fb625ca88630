package dev.finflow.ml.api;

import dev.finflow.events.identity.Role;
import dev.finflow.ml.MlTest;
import dev.finflow.testing.EndpointRoleTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static dev.finflow.events.identity.Role.ADMIN;
import static dev.finflow.events.identity.Role.AUDITOR;
import static dev.finflow.events.identity.Role.MARKET_DATA;
import static dev.finflow.events.identity.Role.METRICS;
import static dev.finflow.events.identity.Role.OWNER;
import static dev.finflow.events.identity.Role.VIEWER;

/** Every endpoint of ml-projector, and who may call it: instrument analytics for everyone signed in. */
@MlTest
class EndpointRoleTableTest {

    private static final Role[] ANY_USER = {OWNER, VIEWER, AUDITOR, MARKET_DATA, ADMIN};

    static final EndpointRoleTable TABLE = new EndpointRoleTable()
            .row("GET", "/api/v1/forecasts/{symbol}", "/api/v1/forecasts/T1", ANY_USER)
            .row("GET", "/api/v1/forecasts/stream", "/api/v1/forecasts/stream", ANY_USER)
            .row("GET", "/api/v1/features/{symbol}", "/api/v1/features/T1", ANY_USER)
            .row("GET", "/api/v1/models", "/api/v1/models", ANY_USER)
            .row("GET", "/api/v1/models/{id}", "/api/v1/models/1", ANY_USER)
            .row("GET", "/api/v1/anomalies", "/api/v1/anomalies", ANY_USER)
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
