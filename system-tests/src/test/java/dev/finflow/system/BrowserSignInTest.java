package dev.finflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's sign-in through the query side (issue 13's backend-for-frontend), against the real auth-server,
 * query side (two instances) and command side started from their jars: a browser-like client follows the
 * redirects, posts the sign-in form with its CSRF field and from then on has only cookies. Its session shows the
 * user on either query-side instance, opens an SSE stream, relays commands (refused without the CSRF header), ends
 * with logout, and stops working as soon as the user is disabled.
 */
class BrowserSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300));

    @Test
    void aBrowserSignsInWithASessionCookieAndCsrfAndLosesItOnLogoutOrWhenDisabled() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            int authPort = Service.freePort();
            int queryPort = Service.freePort();
            String issuer = "http://127.0.0.1:" + authPort;
            String secret = "bff-secret-" + System.nanoTime();
            Path credentials = Path.of("target/system-logs/browser-sign-in-credentials").toAbsolutePath();
            Files.createDirectories(credentials.getParent());
            Files.deleteIfExists(credentials);
            Map<String, String> common = Map.of("FINFLOW_DB_URL", database.jdbcUrl(),
                    "FINFLOW_DB_USER", database.username(), "FINFLOW_DB_PASSWORD", database.password(),
                    "FINFLOW_OIDC_ISSUER_URI", issuer, "FINFLOW_BFF_CLIENT_SECRET", secret);
            try (Service auth = Service.start("bff-auth-server", "auth-server", with(common,
                         "FINFLOW_AUTH_CREDENTIALS_FILE", credentials.toString(),
                         "FINFLOW_BFF_REDIRECT_URIS", "http://127.0.0.1:" + queryPort + "/bff/login/code/finflow",
                         // Shorter than the client's refresh margin: every session request refreshes its token.
                         "FINFLOW_AUTH_ACCESS_TOKEN_TTL", "30s"), authPort);
                 Service command = Service.start("bff-command-side", "command-side", common);
                 Service query = Service.start("bff-query-side", "query-side", with(common,
                         "FINFLOW_QUERY_INSTANCE_ID", "a", "FINFLOW_BFF_COMMAND_URI", command.url(""),
                         "FINFLOW_BFF_AFTER_SIGN_IN", "/bff/session"), queryPort);
                 Service other = Service.start("bff-query-side-b", "query-side", with(common,
                         "FINFLOW_QUERY_INSTANCE_ID", "b"))) {
                for (Service service : List.of(auth, command, query, other)) {
                    service.awaitHealthy(STARTUP);
                }
                Properties first = new Properties();
                try (InputStream in = Files.newInputStream(credentials)) {
                    first.load(in);
                }
                String adminToken = clientToken(auth, first.getProperty("FINFLOW_CLIENT_ID"),
                        first.getProperty("FINFLOW_CLIENT_SECRET"));
                JsonNode olivia = JSON.readTree(send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                                URI.create(auth.url("/api/v1/users")))
                        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"olivia\",\"roles\":[\"owner\"]}"))
                        .build()).body());

                Browser browser = new Browser();
                List<HttpResponse<String>> signIn = browser.signIn(query, "olivia", olivia.get("password").asText());
                HttpResponse<String> landed = signIn.get(signIn.size() - 1);
                assertThat(landed.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(landed.body()).get("subject").asText()).isEqualTo(olivia.get("id").asText());
                String sessionCookie = signIn.stream().flatMap(r -> r.headers().allValues("Set-Cookie").stream())
                        .filter(c -> c.startsWith("SESSION=")).reduce((a, b) -> b).orElseThrow();
                assertThat(sessionCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax")
                        .doesNotContainIgnoringCase("Secure");

                HttpResponse<String> me = browser.get(query.url("/bff/session"));
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(me.body()).get("roles").toString()).isEqualTo("[\"owner\"]");
                assertThat(JSON.readTree(browser.get(other.url("/bff/session")).body()).get("subject").asText())
                        .as("the same session on another query-side instance").isEqualTo(olivia.get("id").asText());
                String csrf = browser.cookie("XSRF-TOKEN");
                assertThat(csrf).isNotBlank();

                String open = "{\"accountId\":\"bff-1\",\"name\":\"Main\",\"currency\":\"EUR\"}";
                assertThat(browser.post(query.url("/bff/command/api/v1/accounts"), open, null).statusCode())
                        .as("a relayed command without the CSRF header").isEqualTo(403);
                HttpResponse<String> opened = browser.post(query.url("/bff/command/api/v1/accounts"), open, csrf);
                assertThat(opened.statusCode()).as(opened.body()).isBetween(200, 299);

                awaitOk(browser, query.url("/api/v1/accounts/bff-1/holdings"));
                HttpResponse<InputStream> stream = browser.http.sendAsync(HttpRequest.newBuilder(
                                URI.create(query.url("/api/v1/accounts/bff-1/holdings/stream")))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream())
                        .get(30, TimeUnit.SECONDS);
                try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(),
                        StandardCharsets.UTF_8))) {
                    assertThat(stream.statusCode()).isEqualTo(200);
                    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                    assertThat(CompletableFuture.supplyAsync(() -> firstEvent(events)).get(30, TimeUnit.SECONDS))
                            .as("the stream's first event").contains("bff-1");
                }

                String oldCookie = "SESSION=" + browser.cookie("SESSION");
                assertThat(browser.post(query.url("/bff/logout"), "", csrf).statusCode()).isEqualTo(204);
                HttpResponse<String> afterLogout = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                        URI.create(query.url("/bff/session"))).header("Cookie", oldCookie).build());
                assertThat(afterLogout.statusCode()).as("the old cookie after logout").isEqualTo(401);

                Browser again = new Browser();
                assertThat(again.signIn(query, "olivia", olivia.get("password").asText())).last()
                        .extracting(HttpResponse::statusCode).isEqualTo(200);
                assertThat(send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(auth.url(
                                "/api/v1/users/" + olivia.get("id").asText() + "/disable")))
                        .header("Authorization", "Bearer " + adminToken)
                        .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(204);
                HttpResponse<String> disabled = again.get(query.url("/bff/session"));
                assertThat(disabled.statusCode()).as("a disabled user's session").isEqualTo(401);
                assertThat(JSON.readTree(disabled.body()).get("rule").asText()).isEqualTo("sign-in-expired");
            }
        }
    }

    /** A browser: a cookie jar, redirects followed one by one (so every Set-Cookie can be seen). */
    private static final class Browser {

        /** What a browser asks for when it navigates: the issuer answers a page (its sign-in form), not a 401. */
        private static final String PAGE = "text/html,application/xhtml+xml,*/*;q=0.8";

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        List<HttpResponse<String>> signIn(Service query, String username, String password) throws Exception {
            List<HttpResponse<String>> hops = follow(HttpRequest.newBuilder(URI.create(
                    query.url("/bff/login/finflow"))).header("Accept", PAGE).build());
            HttpResponse<String> form = hops.get(hops.size() - 1);
            assertThat(form.statusCode()).as("the issuer's sign-in form").isEqualTo(200);
            Matcher field = CSRF_FIELD.matcher(form.body());
            assertThat(field.find()).as("the sign-in form's CSRF field").isTrue();
            String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(field.group(1));
            return follow(HttpRequest.newBuilder(form.uri().resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", PAGE)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> get(String url) throws Exception {
            return send(http, HttpRequest.newBuilder(URI.create(url)).build());
        }

        HttpResponse<String> post(String url, String json, String csrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrf != null) {
                request.header("X-XSRF-TOKEN", csrf);
            }
            return send(http, request.build());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private List<HttpResponse<String>> follow(HttpRequest first) throws Exception {
            List<HttpResponse<String>> hops = new ArrayList<>();
            HttpResponse<String> response = send(http, first);
            hops.add(response);
            while (response.statusCode() / 100 == 3 && hops.size() < 10) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(http, HttpRequest.newBuilder(next).header("Accept", PAGE).build());
                hops.add(response);
            }
            return hops;
        }
    }

    private static String firstEvent(BufferedReader events) {
        try {
            String line = events.readLine();
            while (line != null && !line.startsWith("data:")) {
                line = events.readLine();
            }
            return line;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitOk(Browser browser, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = browser.get(url);
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = browser.get(url);
        }
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    }

    private static String clientToken(Service auth, String clientId, String clientSecret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                        URI.create(auth.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> environment = new java.util.HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
