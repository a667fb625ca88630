package dev.finflow.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.web.ProblemType;
import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad request per problem type the query side answers, through real HTTP: {@code application/problem+json}
 * with the registered status, {@code type}, {@code title} and {@code rule}. A rule added to the registry without
 * a request here fails {@link #everyProblemTypeHasABadRequest()}.
 */
@QuerySideTest
@TestPropertySource(properties = {"finflow.query.read-your-writes.timeout=300ms",
        "finflow.bff.command-uri=http://127.0.0.1:9"})
class ProblemVocabularyTest {

    /** Shared rules the query side never answers: it reads no request body and refuses no command. */
    private static final Set<String> NOT_ANSWERED_HERE = Set.of("malformed-request", "missing-field",
            "invalid-field", "payload-too-large", "unsupported-media-type", "unavailable");
    /** Rules no single request can provoke, and the test that shows their answer. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "internal-error", "FailureProblemsTest (an unexpected failure)",
            "dead-letter-still-failing", "DeadLetterTest (a retry whose cause is not fixed)");

    private static final Map<String, ProblemType> REGISTRY = ProblemType.registry(QueryRule.class,
            RequestRule.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    record BadRequest(String rule, HttpMethod method, String uri, Map<String, String> headers) {

        static BadRequest get(String rule, String uri) {
            return new BadRequest(rule, HttpMethod.GET, uri, Map.of());
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                BadRequest.get("account-not-found", "/api/v1/accounts/nobody/holdings"),
                BadRequest.get("instrument-not-found", "/api/v1/instruments/NOPE/bars"),
                BadRequest.get("ingestion-run-not-found", "/api/v1/ingestion/runs/nope"),
                BadRequest.get("projection-not-found", "/api/v1/admin/projections/nope"),
                new BadRequest("dead-letter-not-found", HttpMethod.POST,
                        "/api/v1/admin/projections/holdings/dead-letters/nope/evict", Map.of()),
                BadRequest.get("invalid-parameter", "/api/v1/instruments/NOPE/bars?adjusted=maybe"),
                BadRequest.get("invalid-date", "/api/v1/accounts/nobody/holdings?asOf=2024-13-01"),
                BadRequest.get("invalid-instant", "/api/v1/accounts/nobody/holdings?knownAt=soon"),
                BadRequest.get("invalid-limit", "/api/v1/accounts/nobody/transactions?limit=0"),
                BadRequest.get("invalid-cursor", "/api/v1/accounts/nobody/transactions?cursor=x"),
                BadRequest.get("invalid-position", "/api/v1/accounts/nobody/holdings?minPosition=-1"),
                BadRequest.get("projection-behind", "/api/v1/accounts/nobody/holdings?minPosition=999999999"),
                BadRequest.get("relay-target-unavailable", "/bff/command/api/v1/accounts/acc-1"),
                BadRequest.get("route-not-found", "/api/v1/accounts/acc-1"),
                new BadRequest("method-not-allowed", HttpMethod.DELETE, "/api/v1/admin/projections", Map.of()),
                new BadRequest("not-acceptable", HttpMethod.GET, "/api/v1/admin/projections",
                        Map.of("Accept", "text/csv")),
                BadRequest.get("uri-too-long", "/api/v1/admin/projections?pad=" + "p".repeat(5000)),
                new BadRequest("headers-too-large", HttpMethod.GET, "/api/v1/admin/projections",
                        Map.of("X-Pad", "p".repeat(9000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersEachBadRequestWithTheProblemOfItsRule(BadRequest bad) throws Exception {
        ProblemType expected = REGISTRY.get(bad.rule());

        EntityExchangeResult<byte[]> answer = send(bad);

        assertThat(answer.getStatus().value()).as(bad.rule()).isEqualTo(expected.status().value());
        assertThat(answer.getResponseHeaders().getContentType()).as(bad.rule())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getResponseBody());
        assertThat(problem.get("type").asText()).isEqualTo(expected.type().toString());
        assertThat(problem.get("rule").asText()).isEqualTo(bad.rule());
        assertThat(problem.get("title").asText()).isEqualTo(expected.title());
        assertThat(problem.get("status").asInt()).isEqualTo(expected.status().value());
    }

    @Test
    void everyProblemTypeHasABadRequest() {
        Set<String> covered = badRequests().map(BadRequest::rule).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(ELSEWHERE.keySet());
        covered.addAll(NOT_ANSWERED_HERE);

        assertThat(covered).containsExactlyInAnyOrderElementsOf(new TreeSet<>(REGISTRY.keySet()));
    }

    @Test
    void aBadParameterIsNamedAsTheField() throws Exception {
        JsonNode problem = JSON.readTree(send(BadRequest.get("", "/api/v1/accounts/nobody/holdings?asOf=x"))
                .getResponseBody());

        assertThat(problem.get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void aProjectionBehindAsksToRetryAfterASecond() {
        EntityExchangeResult<byte[]> answer = send(BadRequest.get("",
                "/api/v1/accounts/nobody/holdings?minPosition=999999999"));

        assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    private EntityExchangeResult<byte[]> send(BadRequest request) {
        WebTestClient.RequestBodySpec spec = http.method(request.method()).uri(request.uri());
        request.headers().forEach(spec::header);
        return spec.exchange().expectBody().returnResult();
    }
}
