package dev.finflow.ml.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.web.ProblemType;
import dev.finflow.ml.MlTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad request per problem type the ml-projector answers, through real HTTP: {@code application/problem+json}
 * with the registered status, {@code type}, {@code title} and {@code rule}. A rule added to the registry without
 * a request here fails {@link #everyProblemTypeHasABadRequest()}.
 */
@MlTest
class ProblemVocabularyTest {

    /** Shared rules the ml-projector never answers: it reads no request body and serves no account. */
    private static final Set<String> NOT_ANSWERED_HERE = Set.of("malformed-request", "missing-field",
            "invalid-field", "payload-too-large", "unsupported-media-type", "unavailable", "account-not-found",
            "instrument-not-found");
    /** Rules no single request can provoke, and the test that shows their answer. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "internal-error", "FailureProblemsTest (an unexpected failure)",
            "dead-letter-still-failing", "DeadLetterTest (a retry whose cause is not fixed)");

    private static final Map<String, ProblemType> REGISTRY = ProblemType.registry(MlRule.class,
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
                BadRequest.get("unknown-symbol", "/api/v1/features/NOPE"),
                BadRequest.get("unknown-model", "/api/v1/models/nope"),
                BadRequest.get("processor-not-found", "/api/v1/admin/processors/nope/dead-letters"),
                new BadRequest("dead-letter-not-found", HttpMethod.POST,
                        "/api/v1/admin/processors/features/dead-letters/nope/evict", Map.of()),
                BadRequest.get("invalid-parameter", "/api/v1/features/NOPE?from=not-a-date"),
                BadRequest.get("route-not-found", "/api/v1/nowhere"),
                new BadRequest("method-not-allowed", HttpMethod.DELETE, "/api/v1/models", Map.of()),
                new BadRequest("not-acceptable", HttpMethod.GET, "/api/v1/models", Map.of("Accept", "text/csv")),
                BadRequest.get("uri-too-long", "/api/v1/models?pad=" + "p".repeat(5000)),
                new BadRequest("headers-too-large", HttpMethod.GET, "/api/v1/models",
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
    void aParameterOfTheWrongTypeIsNamedAsTheField() throws Exception {
        JsonNode problem = JSON.readTree(send(BadRequest.get("", "/api/v1/features/NOPE?from=not-a-date"))
                .getResponseBody());

        assertThat(problem.get("rule").asText()).isEqualTo("invalid-parameter");
        assertThat(problem.get("field").asText()).isEqualTo("from");
    }

    private EntityExchangeResult<byte[]> send(BadRequest request) {
        WebTestClient.RequestBodySpec spec = http.method(request.method()).uri(request.uri());
        request.headers().forEach(spec::header);
        return spec.exchange().expectBody().returnResult();
    }
}
