package dev.finflow.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad request gets a problem detail naming the rule, and changes nothing in the store. */
@CommandSideTest
class BadInputTest {

    private static final String TX = "/api/v1/accounts/bad-1/transactions";

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    private long before;

    @BeforeEach
    void openAccount() {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"bad-1\",\"name\":\"Bad\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
        http.post().uri(TX).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"transactionId\":\"seed\",\"type\":\"DEPOSIT\",\"amount\":100,\"currency\":\"EUR\"}")
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
        before = store.count();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"transactionId":"x",                                                   | 400 | malformed-request
            not an object           | [1,2]                                                                   | 400 | malformed-request
            unknown field           | {"transactionId":"x","type":"DEPOSIT","ammount":1,"currency":"EUR"}     | 400 | malformed-request
            amount not a number     | {"transactionId":"x","type":"DEPOSIT","amount":"ten","currency":"EUR"}  | 400 | malformed-request
            bad date                | {"transactionId":"x","type":"DEPOSIT","amount":1,"currency":"EUR","date":"2024-13-01"} | 400 | malformed-request
            unknown type            | {"transactionId":"x","type":"GIFT","amount":1,"currency":"EUR"}         | 400 | unknown-transaction-type
            missing type            | {"transactionId":"x","amount":1,"currency":"EUR"}                       | 400 | missing-field
            missing transaction id  | {"type":"DEPOSIT","amount":1,"currency":"EUR"}                          | 400 | missing-field
            missing amount          | {"transactionId":"x","type":"DEPOSIT","currency":"EUR"}                 | 400 | missing-field
            missing currency        | {"transactionId":"x","type":"DEPOSIT","amount":1}                       | 400 | missing-field
            missing symbol          | {"transactionId":"x","type":"BUY","quantity":1,"price":1,"currency":"EUR"} | 400 | missing-field
            invalid transaction id  | {"transactionId":"a b","type":"DEPOSIT","amount":1,"currency":"EUR"}    | 400 | invalid-field
            invalid symbol          | {"transactionId":"x","type":"DIVIDEND","symbol":"a a","amount":1,"currency":"EUR"} | 400 | invalid-field
            zero amount             | {"transactionId":"x","type":"DEPOSIT","amount":0,"currency":"EUR"}      | 400 | non-positive-amount
            negative amount         | {"transactionId":"x","type":"WITHDRAWAL","amount":-1,"currency":"EUR"}  | 400 | non-positive-amount
            too many decimals       | {"transactionId":"x","type":"DEPOSIT","amount":1.001,"currency":"EUR"}  | 400 | too-many-decimals
            unknown currency        | {"transactionId":"x","type":"DEPOSIT","amount":1,"currency":"EUX"}      | 400 | unknown-currency
            lower-case currency     | {"transactionId":"x","type":"DEPOSIT","amount":1,"currency":"eur"}      | 400 | unknown-currency
            zero quantity           | {"transactionId":"x","type":"BUY","symbol":"AAPL","quantity":0,"price":1,"currency":"EUR"} | 400 | non-positive-quantity
            foreign, no rate        | {"transactionId":"x","type":"DEPOSIT","amount":1,"currency":"USD"}      | 422 | currency-mismatch
            more than cash          | {"transactionId":"x","type":"WITHDRAWAL","amount":1000000,"currency":"EUR"} | 422 | insufficient-cash
            conflicting repeat      | {"transactionId":"seed","type":"DEPOSIT","amount":99,"currency":"EUR"}  | 409 | transaction-conflict
            """)
    void refusesWithAProblemNamingTheRuleAndStoresNothing(String name, String body, int status, String rule) {
        JsonNode problem = post(TX, body, status);

        assertThat(problem.get("type").asText()).isEqualTo("https://finflow.dev/problems/" + rule);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void namesTheFieldAtFault() {
        JsonNode problem = post(TX, "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\",\"amount\":1.001,\"currency\":\"EUR\"}",
                400);

        assertThat(problem.get("field").asText()).isEqualTo("amount");
    }

    @Test
    void refusesABodyOverOneMebibyteWith413() {
        String memo = "m".repeat(1024 * 1024 + 10);
        JsonNode problem = post(TX, "{\"transactionId\":\"big\",\"type\":\"DEPOSIT\",\"amount\":1,\"currency\":\"EUR\","
                + "\"memo\":\"" + memo + "\"}", 413);

        assertThat(problem.get("rule").asText()).isEqualTo("payload-too-large");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void refusesAWholeBatchWhenOneItemIsBadAndNamesIt() {
        String batch = """
                {"transactions":[
                  {"transactionId":"b-1","type":"DEPOSIT","amount":1,"currency":"EUR"},
                  {"transactionId":"b-2","type":"DEPOSIT","amount":2,"currency":"EUR"},
                  {"transactionId":"b-3","type":"WITHDRAWAL","amount":1000,"currency":"EUR"},
                  {"transactionId":"b-4","type":"DEPOSIT","amount":4,"currency":"EUR"}]}""";

        JsonNode problem = post(TX + ":batch", batch, 422);

        assertThat(problem.get("rule").asText()).isEqualTo("insufficient-cash");
        assertThat(problem.get("index").asInt()).isEqualTo(2);
        assertThat(store.count()).isEqualTo(before);
        // Nothing of the refused batch survives in memory either: the first items can be sent again.
        post(TX, "{\"transactionId\":\"b-1\",\"type\":\"DEPOSIT\",\"amount\":7,\"currency\":\"EUR\"}", 201);
    }

    @Test
    void refusesABatchWithAMalformedItemBeforeTouchingTheStore() {
        JsonNode problem = post(TX + ":batch", """
                {"transactions":[{"transactionId":"c-1","type":"DEPOSIT","amount":1,"currency":"EUR"},
                                 {"transactionId":"c-2","type":"DEPOSIT","amount":1}]}""", 400);

        assertThat(problem.get("rule").asText()).isEqualTo("missing-field");
        assertThat(problem.get("index").asInt()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void refusesABatchOfMoreThanAThousand() {
        StringJoiner items = new StringJoiner(",", "{\"transactions\":[", "]}");
        for (int i = 0; i < 1001; i++) {
            items.add("{\"transactionId\":\"n-" + i + "\",\"type\":\"DEPOSIT\",\"amount\":1,\"currency\":\"EUR\"}");
        }

        assertThat(post(TX + ":batch", items.toString(), 400).get("rule").asText()).isEqualTo("batch-too-large");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void recordsAThousandTransactionsInOneBatch() {
        StringJoiner items = new StringJoiner(",", "{\"transactions\":[", "]}");
        for (int i = 0; i < 1000; i++) {
            items.add("{\"transactionId\":\"k-" + i + "\",\"type\":\"DEPOSIT\",\"amount\":0.01,\"currency\":\"EUR\"}");
        }

        JsonNode recorded = post(TX + ":batch", items.toString(), 201);

        assertThat(recorded.get("count").asInt()).isEqualTo(1000);
        assertThat(recorded.get("transactions")).hasSize(1000);
        assertThat(store.count()).isEqualTo(before + 1000);
    }

    @Test
    void refusesAnInvalidCorrelationHeader() {
        http.post().uri(TX).contentType(MediaType.APPLICATION_JSON).header("X-Correlation-Id", "a b c")
                .bodyValue("{\"transactionId\":\"h\",\"type\":\"DEPOSIT\",\"amount\":1,\"currency\":\"EUR\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rule").isEqualTo("invalid-field");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void answersAWrongMediaTypeWith415NotAServerError() {
        http.post().uri(TX).contentType(MediaType.TEXT_PLAIN).bodyValue("deposit 1 EUR")
                .exchange().expectStatus().isEqualTo(415);
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownAccountWith404() {
        JsonNode problem = post("/api/v1/accounts/nobody/transactions",
                "{\"transactionId\":\"x\",\"type\":\"DEPOSIT\",\"amount\":1,\"currency\":\"EUR\"}", 404);

        assertThat(problem.get("rule").asText()).isEqualTo("account-not-found");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void refusesAnAccountWithAnUnknownCurrencyOrNoName() {
        assertThat(post("/api/v1/accounts", "{\"accountId\":\"z-1\",\"name\":\"Z\",\"currency\":\"ZZZ\"}", 400)
                .get("rule").asText()).isEqualTo("unknown-currency");
        assertThat(post("/api/v1/accounts", "{\"accountId\":\"z-1\",\"currency\":\"EUR\"}", 400)
                .get("rule").asText()).isEqualTo("missing-field");
        assertThat(store.count()).isEqualTo(before);
    }

    private JsonNode post(String uri, String body, int status) {
        byte[] response = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return StoredEvents.parse(new String(response, StandardCharsets.UTF_8));
    }
}
