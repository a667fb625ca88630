package dev.finflow.auth;

import dev.finflow.auth.users.UserAccounts;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in form: the right password signs in; a run of wrong ones locks the username out, right one or not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finflow.auth.issuer=http://issuer.finflow.test", "finflow.auth.max-failed-sign-ins=3"})
@FreshDatabase
class SignInThrottleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;

    @Test
    void theRightPasswordSignsIn() throws Exception {
        users.create("carol", "correct horse battery", EnumSet.of(Role.OWNER), "test-admin");
        assertThat(signIn("carol", "correct horse battery")).doesNotContain("error");
    }

    @Test
    void threeWrongPasswordsLockTheUsernameOutEvenForTheRightOne() throws Exception {
        users.create("dave", "correct horse battery", EnumSet.of(Role.OWNER), "test-admin");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("dave", "guess-" + i)).endsWith("/login?error");
        }
        assertThat(signIn("dave", "correct horse battery")).endsWith("/login?error");
    }

    @Test
    void unknownUsernamesAreThrottledAlikeAndAnotherUserIsNotAffected() throws Exception {
        users.create("erin", "correct horse battery", EnumSet.of(Role.VIEWER), "test-admin");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("nobody", "guess-" + i)).endsWith("/login?error");
        }
        assertThat(signIn("erin", "correct horse battery")).doesNotContain("error");
    }

    /** Signs in through the form like a browser (session cookie and CSRF token); answers where it redirects. */
    private String signIn(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
