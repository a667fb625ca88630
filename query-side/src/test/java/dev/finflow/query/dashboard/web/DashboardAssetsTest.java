package dev.finflow.query.dashboard.web;

import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's scripts and ECharts are served without looking at the caller: no session read, no token checked
 * (a token that fails verification does not matter), while the pages themselves still go through the sign-in. The
 * browser may keep them (revalidated on each use), unlike every answer that carries data.
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
    void theBrowserKeepsTheScriptsAndAsksWhetherTheyChanged() {
        for (String asset : new String[] {"/assets/app.js", "/webjars/echarts/dist/echarts.min.js"}) {
            var first = client().get().uri(asset).exchange().expectStatus().isOk()
                    .expectHeader().cacheControl(CacheControl.noCache()).returnResult(byte[].class);
            String lastModified = first.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
            assertThat(lastModified).as(asset).isNotNull();
            client().get().uri(asset).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                    .expectStatus().isNotModified();
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
