package dev.finflow.problems.web;

import dev.finflow.problems.Kind;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.Rule;
import dev.finflow.problems.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The translation every service shares, for the failures no single bad request provokes. */
class FailureProblemsTest {

    private final FailureProblems problems = new FailureProblems(List.of(failure ->
            failure instanceof IllegalMonitorStateException ? new RuleViolation(Lock.LOST, "lost") : null));

    enum Lock implements Rule {
        LOST;

        @Override
        public String id() {
            return "lock-lost";
        }

        @Override
        public Kind kind() {
            return Kind.CONFLICT;
        }

        @Override
        public String title() {
            return "Lost the lock";
        }
    }

    @Test
    void aFullQueueIsUnavailableAndAsksToRetryAfterASecond() {
        ResponseEntity<ProblemDetail> answer = problems.answer(new RejectedExecutionException("lane full"));

        assertProblem(answer, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatHidesItsMessage() {
        ResponseEntity<ProblemDetail> answer = problems.answer(new IllegalStateException("password=secret"));

        assertProblem(answer, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    }

    @Test
    void aServiceTranslatorNamesTheRuleOfItsOwnFailure() {
        assertProblem(problems.answer(new IllegalMonitorStateException()), HttpStatus.CONFLICT, "lock-lost");
    }

    @Test
    void aViolationCarriesItsFieldAndBatchIndex() {
        RuleViolation violation = new RuleViolation(RequestRule.INVALID_FIELD, "bad", "amount")
                .atIndex(3, "item 3: bad");

        ProblemDetail problem = problems.answer(violation).getBody();

        assertThat(problem.getProperties()).containsEntry("field", "amount").containsEntry("index", 3)
                .containsEntry("rule", "invalid-field");
        assertThat(problem.getDetail()).isEqualTo("item 3: bad");
    }

    @Test
    void aFrameworkStatusWithoutARegisteredRuleIsNamedAfterItsReason() {
        assertProblem(problems.answer(new ResponseStatusException(HttpStatus.FORBIDDEN)), HttpStatus.FORBIDDEN,
                "forbidden");
    }

    @Test
    void everyKindHasItsOwnStatus() {
        assertThat(List.of(Kind.values()).stream().map(ProblemType::status).distinct()).hasSize(Kind.values().length);
    }

    @Test
    void theRegistryRefusesARuleDefinedTwice() {
        assertThatThrownBy(() -> ProblemType.registry(RequestRule.class, RequestRule.class))
                .hasMessageContaining("defined twice");
    }

    private static void assertProblem(ResponseEntity<ProblemDetail> answer, HttpStatus status, String rule) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://finflow.dev/problems/" + rule);
        assertThat(answer.getBody().getProperties()).containsEntry("rule", rule);
        assertThat(answer.getBody().getStatus()).isEqualTo(status.value());
    }
}
