package dev.finflow.query.dashboard;

import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard's scripts and ECharts are served without looking at the caller: no session read, no token checked
 * (a token that fails verification does not matter), while the pages themselves still go through the sign-in.
 */
@QuerySideTest
class DashboardAssetsTest {

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void theScriptsAndEchartsAreServedWithoutCheckingTheCallersToken() {
        for (String asset : new String[] {"/assets/app.js", "/assets/dashboard.css",
                "/webjars/echarts/dist/echarts.min.js"}) {
            client().get().uri(asset).header("Authorization", "Bearer not-a-token").exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void aPageStillChecksTheCallersToken() {
        client().get().uri("/instruments").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownAssetIsNotFound() {
        client().get().uri("/assets/missing.js").exchange().expectStatus().isNotFound();
    }
}
