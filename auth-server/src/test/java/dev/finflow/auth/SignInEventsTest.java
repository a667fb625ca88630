package dev.finflow.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.auth.users.UserAccounts;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins reach the event store: a success, wrong passwords, the lock-out they cause and a refusal while locked
 * on the user's stream by opaque id, an unknown username on a stream of its own, and neither a typed username nor
 * the caller's address anywhere in the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finflow.auth.issuer=http://issuer.finflow.test", "finflow.auth.max-failed-sign-ins=3"})
@FreshDatabase
class SignInEventsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private static final String BROWSER_CLIENT = "finflow-test-browser";
    /** A PKCE challenge (RFC 7636's example): the authorization server requires one. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private record Stored(String stream, String type, JsonNode payload, JsonNode meta) {
    }

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signInsFailuresAndTheLockOutAreEventsOnTheUsersStreamWithoutNameOrAddress() throws Exception {
        String id = users.create("ivy.tester", PASSWORD, EnumSet.of(Role.OWNER), "test-admin").id();
        clients.save(browserClient());

        assertThat(signIn("/oauth2/authorize?response_type=code&scope=openid&client_id=" + BROWSER_CLIENT
                + "&redirect_uri=http://127.0.0.1/callback&code_challenge_method=S256&code_challenge=" + CHALLENGE,
                "ivy.tester", PASSWORD)).contains("/oauth2/authorize");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("/login", "ivy.tester", "guess-" + i)).endsWith("/login?error");
        }
        assertThat(signIn("/login", "ivy.tester", PASSWORD)).endsWith("/login?error");

        List<Stored> stream = stored().stream().filter(event -> event.stream().equals("user/" + id)).toList();
        assertThat(stream).extracting(Stored::type).containsExactly("UserCreatedEvent", "UserSignedInEvent",
                "SignInFailedEvent", "SignInFailedEvent", "SignInFailedEvent", "SignInLockedOutEvent",
                "SignInFailedEvent");
        assertThat(stream.get(0).meta().get("principal").asText()).isEqualTo("test-admin");
        Stored signedIn = stream.get(1);
        assertThat(signedIn.meta().get("principal").asText()).isEqualTo(id);
        assertThat(signedIn.payload()).isEqualTo(JSON.readTree("{\"userId\":\"" + id
                + "\",\"clientId\":\"" + BROWSER_CLIENT + "\",\"origin\":\"127.0.0.0/24\"}"));
        assertThat(stream.subList(2, 7)).allSatisfy(failed -> {
            assertThat(failed.meta().has("principal")).as("nobody proved who they are").isFalse();
            assertThat(failed.payload().get("userId").asText()).isEqualTo(id);
            assertThat(failed.payload().get("origin").asText()).isEqualTo("127.0.0.0/24");
        });
        assertThat(stream.subList(2, 5)).extracting(failed -> failed.payload().get("reason").asText())
                .containsOnly("BAD_PASSWORD");
        assertThat(stream.get(5).payload().get("until").asText()).isNotBlank();
        assertThat(stream.get(6).payload().get("reason").asText()).isEqualTo("LOCKED_OUT");
        assertNoNameOrAddressStored("ivy.tester");
    }

    @Test
    void anUnknownUsernameIsAFailureOnARandomStreamWithNoUserAndNoPrincipal() throws Exception {
        // Other tests of this class (erased persons) sign in as unknown too.
        Set<String> earlier = stored().stream().map(Stored::stream).collect(Collectors.toSet());
        assertThat(signIn("/login", "zed.unknown", "guess")).endsWith("/login?error");
        assertThat(signIn("/login", "zed.unknown", "guess")).endsWith("/login?error");

        List<Stored> unknown = stored().stream().filter(event -> event.stream().startsWith("sign-in/")
                && !earlier.contains(event.stream())).toList();
        assertThat(unknown).hasSize(2).allSatisfy(failed -> {
            assertThat(failed.type()).isEqualTo("SignInFailedEvent");
            assertThat(failed.payload().get("reason").asText()).isEqualTo("UNKNOWN_USER");
            assertThat(failed.payload().has("userId")).isFalse();
            assertThat(failed.meta().has("principal")).isFalse();
        });
        assertThat(unknown.get(0).stream()).isNotEqualTo(unknown.get(1).stream());
        assertNoNameOrAddressStored("zed.unknown");
    }

    @Test
    void anErasedPersonCannotSignInAndTheirUsernameAndPasswordAreGoneWhileTheirIdStays() throws Exception {
        String id = users.create("uma.erased", PASSWORD, EnumSet.of(Role.OWNER), "test-admin").id();
        users.create("kim.kept", PASSWORD, EnumSet.of(Role.OWNER), "test-admin");
        assertThat(signIn("/login", "uma.erased", PASSWORD)).doesNotEndWith("/login?error");

        eraseAsTheCommandSideDoes(id, true);

        awaitTrue(() -> jdbc.queryForObject("select erased_at is not null from users where id = ?",
                Boolean.class, id));
        assertThat(jdbc.queryForMap("select username, password_hash, enabled from users where id = ?", id))
                .containsEntry("username", "erased:" + id).containsEntry("password_hash", "!")
                .containsEntry("enabled", false);
        assertThat(signIn("/login", "uma.erased", PASSWORD)).endsWith("/login?error");
        assertThat(jdbc.queryForList("select username from users", String.class)).contains("kim.kept")
                .doesNotContain("uma.erased");
    }

    @Test
    void theSignInFailuresOfAnErasedPersonAreForgottenWithTheirUsername() throws Exception {
        String id = users.create("oli.erased", PASSWORD, EnumSet.of(Role.OWNER), "test-admin").id();
        assertThat(signIn("/login", "oli.erased", "wrong once")).endsWith("/login?error");
        assertThat(signIn("/login", "oli.erased", "wrong twice")).endsWith("/login?error");

        eraseAsTheCommandSideDoes(id, true);
        awaitTrue(() -> jdbc.queryForObject("select erased_at is not null from users where id = ?",
                Boolean.class, id));

        // Someone else takes the free username: the erased person's two failures must not count against them
        // (three lock it here), so one wrong password still leaves them able to sign in.
        users.create("oli.erased", PASSWORD, EnumSet.of(Role.OWNER), "test-admin");
        assertThat(signIn("/login", "oli.erased", "wrong")).endsWith("/login?error");
        assertThat(signIn("/login", "oli.erased", PASSWORD)).doesNotEndWith("/login?error");
    }

    @Test
    void anErasureNotHeardIsRefusedAtSignInAtOnceAndAppliedWhenTheServerListensAgain() throws Exception {
        String id = users.create("ned.unheard", PASSWORD, EnumSet.of(Role.OWNER), "test-admin").id();

        eraseAsTheCommandSideDoes(id, false);

        assertThat(signIn("/login", "ned.unheard", PASSWORD)).endsWith("/login?error");
        users.eraseProfiles(null);
        assertThat(jdbc.queryForObject("select username from users where id = ?", String.class, id))
                .isEqualTo("erased:" + id);
    }

    /** The command side's erasure: the event and (unless {@code announced} is false) its announcement, at once. */
    private void eraseAsTheCommandSideDoes(String id, boolean announced) {
        jdbc.query("with erased as (insert into events.domain_event_entry (aggregate_identifier, sequence_number, "
                + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) values "
                + "(?, 0, 'person', ?, '{}', ?, '1', 'dev.finflow.events.privacy.PersonErasedEvent', ?) returning 1)"
                + (announced ? " select pg_notify('finflow_person_key_deleted', ?) from erased" : " select 1, ?"),
                (ResultSet ignored) -> null, "person/" + id, UUID.randomUUID().toString(),
                "{\"personId\":\"" + id + "\"}", Instant.now().toString(), id);
    }

    private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 200 && !Boolean.TRUE.equals(condition.get()); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.get()).as("within 10 s").isTrue();
    }

    private void assertNoNameOrAddressStored(String username) {
        assertThat(jdbc.queryForList("select aggregate_identifier || payload || coalesce(meta_data, '') from "
                + "events.domain_event_entry", String.class))
                .isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain(username, "127.0.0.1"));
    }

    private List<Stored> stored() {
        return jdbc.query("select aggregate_identifier, payload_type, payload, meta_data from "
                + "events.domain_event_entry order by global_index", (rs, n) -> {
            try {
                String type = rs.getString("payload_type");
                return new Stored(rs.getString("aggregate_identifier"), type.substring(type.lastIndexOf('.') + 1),
                        JSON.readTree(rs.getString("payload")), JSON.readTree(rs.getString("meta_data")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static RegisteredClient browserClient() {
        return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(BROWSER_CLIENT).clientSecret("unused")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/callback").scope("openid").build();
    }

    /**
     * Opens {@code start} like a browser (so an authorization request is saved for after the sign-in), then signs
     * in through the form; answers where the form redirects.
     */
    private String signIn(String start, String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(uri(start)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String form = opened.statusCode() == 302 ? browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body() : opened.body();
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
