package dev.finflow.testing;

import dev.finflow.events.identity.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint x role table of one running service: a row per handler mapping (method and path pattern) saying
 * who may call it. {@link #verify} first fails on any mapping the service serves without a row (so a new
 * endpoint cannot ship without a decision), then calls every row with no token, an expired token, a token from
 * another issuer and a token for each role, and checks 401 / 401 / 401 / (allowed ? neither 401 nor 403 : 403).
 */
public final class EndpointRoleTable {

    private record Row(HttpMethod method, String pattern, String sample, Set<Role> allowed, boolean open) {
    }

    /**
     * How long a stream row waits for its answer: a refusal comes at once from the security filter, while a stream
     * let through may send no headers before its first event, so silence past this means "let through".
     */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(5);

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** A row: {@code method pattern} as the service maps it, called at {@code sample}, allowed for {@code roles}. */
    public EndpointRoleTable row(String method, String pattern, String sample, Role... roles) {
        put(new Row(HttpMethod.valueOf(method), pattern, sample,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles)), false));
        return this;
    }

    /** A named exception: open to anyone, token or not. */
    public EndpointRoleTable open(String method, String pattern, String sample) {
        put(new Row(HttpMethod.valueOf(method), pattern, sample, EnumSet.allOf(Role.class), true));
        return this;
    }

    private void put(Row row) {
        rows.put(row.method().name() + " " + row.pattern(), row);
    }

    /** Every "METHOD pattern" the service's request mappings serve (controllers, actuator, API docs). */
    public static Set<String> mappings(ApplicationContext context) {
        Set<String> found = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<?> methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("GET")
                        : methods.stream().map(Object::toString).toList();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    names.forEach(method -> found.add(method + " " + pattern.getPatternString()));
                }
            }
        }
        return found;
    }

    /** Fails on unlisted mappings, then checks every row against every kind of caller. */
    public void verify(ApplicationContext context, int port) {
        assertThat(mappings(context)).as("handler mappings without a row in the endpoint x role table")
                .isSubsetOf(rows.keySet());
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        WebTestClient streams = http.mutate().responseTimeout(STREAM_WAIT).build();
        List<String> wrong = new ArrayList<>();
        try (TestIssuer foreign = TestIssuer.start()) {
            for (Row row : rows.values()) {
                WebTestClient client = row.sample().endsWith("/stream") ? streams : http;
                check(client, row, "no token", null, row.open() ? null : 401, wrong);
                if (!row.open()) {
                    // (An open path is for callers without a token; a bad token is refused everywhere.)
                    check(client, row, "expired token", TestIssuer.shared().expiredToken("table-user", Role.values()),
                            401, wrong);
                    check(client, row, "another issuer's token", foreign.token("table-user", Role.values()), 401,
                            wrong);
                }
                for (Role role : Role.values()) {
                    check(client, row, role.claimValue(), TestIssuer.shared().token("table-" + role.claimValue(), role),
                            row.allowed().contains(role) ? null : 403, wrong);
                }
            }
        }
        assertThat(wrong).as("rows the service does not keep").isEmpty();
    }

    /** {@code expected} null means "let through": anything but 401 and 403 (0: a stream still open, silent). */
    private static void check(WebTestClient http, Row row, String caller, String token, Integer expected,
                              List<String> wrong) {
        WebTestClient.RequestBodySpec request = http.method(row.method()).uri(row.sample())
                .accept(MediaType.ALL);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (row.method() != HttpMethod.GET) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        int status;
        try {
            FluxExchangeResult<byte[]> result = request.exchange().returnResult(byte[].class);
            status = result.getStatus().value();
            result.getResponseBody().subscribe().dispose();
        } catch (IllegalStateException silent) {
            if (!row.sample().endsWith("/stream")) {
                throw silent;
            }
            status = 0; // a stream that passed security and has not sent its first event yet
        }
        boolean ok = expected == null ? status != 401 && status != 403 : status == expected;
        if (!ok) {
            wrong.add(row.method() + " " + row.sample() + " as " + caller + ": " + status + ", expected "
                    + (expected == null ? "neither 401 nor 403" : expected));
        }
    }
}
