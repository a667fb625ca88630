package dev.finflow.command.instruments.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import dev.finflow.command.instruments.domain.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** The instrument API over HTTP: what each call answers and what it stores; bad input stores nothing. */
@CommandSideTest
class InstrumentApiTest {

    private static final String BARS = "/api/v1/instruments/ACME/bars";

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    @BeforeEach
    void register() {
        register("ACME");
    }

    private void register(String symbol) {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"" + symbol + "\",\"name\":\"Acme Corp\",\"type\":\"EQUITY\","
                        + "\"currency\":\"USD\",\"exchange\":\"NASDAQ\"}")
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
    }

    /** The events of one instrument: the database is shared by the tests of this class. */
    private List<StoredEvents.Row> events(String symbol) {
        return store.all().stream().filter(row -> row.aggregateId().equals("instrument/" + symbol)).toList();
    }

    @Test
    void registeringTwiceAnswersAlreadyRegisteredAndStoresOneEvent() {
        JsonNode again = post("/api/v1/instruments", "{\"symbol\":\"ACME\",\"name\":\"Acme Corp\",\"type\":\"EQUITY\","
                + "\"currency\":\"USD\",\"exchange\":\"nasdaq\"}", 200);
        // A type is named exactly: a case-folded one is refused, not guessed.
        post("/api/v1/instruments", "{\"symbol\":\"ACME\",\"name\":\"Acme Corp\",\"type\":\"equity\","
                + "\"currency\":\"USD\",\"exchange\":\"NASDAQ\"}", 400);

        assertThat(again.get("status").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(events("ACME")).extracting(StoredEvents.Row::simpleType).containsExactly("InstrumentRegisteredEvent");
    }

    @Test
    void aJsonBatchAnswersItsVerdictsAndStoresThemInOneTransaction() {
        register("JSON1");
        JsonNode answer = post("/api/v1/instruments/JSON1/bars", """
                {"runId":"run-7","source":"test","bars":[
                 {"date":"2024-01-02","open":10,"high":11,"low":9,"close":10.5,"volume":100},
                 {"date":"2024-01-03","open":"10.5","high":"11","low":"10","close":"10.8","adjustedClose":"10.7","volume":"120"},
                 {"date":"2024-01-06","open":10,"high":11,"low":9,"close":10.5,"volume":100},
                 {"date":"2024-01-04","open":10,"high":9,"low":11,"close":10.5,"volume":100}]}
                """, 201);

        assertThat(answer.get("received").asInt()).isEqualTo(4);
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("flagged").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(1);
        assertThat(answer.get("runId").asText()).isEqualTo("run-7");
        assertThat(answer.get("findings")).extracting(f -> f.get("rule").asText())
                .containsExactly("ohlc-consistency", "trading-calendar");
        List<StoredEvents.Row> rows = events("JSON1");
        assertThat(rows).extracting(StoredEvents.Row::simpleType)
                .containsExactly("InstrumentRegisteredEvent", "BarsIngestedEvent", "BarsQuarantinedEvent");
        assertThat(answer.get("position").asLong()).isEqualTo(rows.get(2).position());
        JsonNode ingested = rows.get(1).payload().get("bars");
        assertThat(ingested.get(1).get("bar").get("adjustedClose").decimalValue()).isEqualByComparingTo("10.7");
        assertThat(ingested.get(2).get("verdict").asText()).isEqualTo("FLAGGED");
        assertThat(rows.get(1).metaData().get("ingestionRunId").asText()).isEqualTo("run-7");
        assertThat(rows.get(2).payload().get("bars").get(0).get("raw").get("high").asText()).isEqualTo("9");
    }

    @Test
    void aYahooCsvUploadIsIngestedAndSendingItAgainStoresNothing() {
        String csv = """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,187.15,188.44,183.89,185.64,185.40,82488700
                2024-01-03,184.22,185.88,183.43,184.25,184.01,58414500
                2024-01-04,null,183.09,180.88,181.91,181.67,71983600
                """;

        register("CSV1");
        JsonNode first = postCsv("/api/v1/instruments/CSV1/bars?runId=upload-1", csv, 201);
        assertThat(first.get("accepted").asInt()).isEqualTo(2);
        assertThat(first.get("rejected").asInt()).isEqualTo(1);
        long stored = events("CSV1").size();

        JsonNode again = postCsv("/api/v1/instruments/CSV1/bars?runId=upload-2", csv, 201);
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("rejected").asInt()).isEqualTo(1);
        assertThat(events("CSV1")).hasSize((int) stored + 1); // only the re-sent broken row is quarantined again
        assertThat(events("CSV1").get(1).payload().get("source").asText()).isEqualTo("csv-upload");
    }

    @Test
    void splitsDividendsAndCorrectionsAreRecordedWithTheirPositions() {
        register("CORP1");
        post("/api/v1/instruments/CORP1/bars", "{\"bars\":[{\"date\":\"2024-01-02\",\"open\":10,\"high\":11,\"low\":9,\"close\":10.5,"
                + "\"volume\":100}]}", 201);

        JsonNode split = post("/api/v1/instruments/CORP1/splits",
                "{\"effectiveDate\":\"2024-06-10\",\"numerator\":4,\"denominator\":1}", 201);
        JsonNode dividend = post("/api/v1/instruments/CORP1/dividends",
                "{\"exDate\":\"2024-05-10\",\"amount\":0.24,\"currency\":\"USD\"}", 201);
        JsonNode correction = post("/api/v1/instruments/CORP1/bars/2024-01-02/correction",
                "{\"open\":10,\"high\":11,\"low\":9,\"close\":10.4,\"volume\":100,\"reason\":\"exchange fix\"}", 201);

        assertThat(split.get("status").asText()).isEqualTo("RECORDED");
        assertThat(post("/api/v1/instruments/CORP1/splits",
                "{\"effectiveDate\":\"2024-06-10\",\"numerator\":4,\"denominator\":1}", 200).get("status").asText())
                .isEqualTo("ALREADY_RECORDED");
        List<StoredEvents.Row> rows = events("CORP1");
        assertThat(rows).extracting(StoredEvents.Row::simpleType).containsExactly("InstrumentRegisteredEvent",
                "BarsIngestedEvent", "SplitRecordedEvent", "CashDividendRecordedEvent", "BarCorrectedEvent");
        assertThat(split.get("position").asLong()).isEqualTo(rows.get(2).position());
        assertThat(dividend.get("position").asLong()).isEqualTo(rows.get(3).position());
        assertThat(correction.get("position").asLong()).isEqualTo(rows.get(4).position());
        JsonNode corrected = rows.get(4).payload();
        assertThat(corrected.get("previous").get("close").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(corrected.get("corrected").get("close").decimalValue()).isEqualByComparingTo("10.4");
        assertThat(corrected.get("reason").asText()).isEqualTo("exchange fix");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown symbol         | /api/v1/instruments/NOPE/bars                   | {"bars":[{"date":"2024-01-02","open":1,"high":1,"low":1,"close":1,"volume":1}]} | 404 | instrument-not-found
            invalid symbol         | /api/v1/instruments/a*b/bars                    | {"bars":[{"date":"2024-01-02","open":1,"high":1,"low":1,"close":1,"volume":1}]} | 400 | invalid-field
            malformed JSON         | /api/v1/instruments/ACME/bars                   | {"bars":[                                                         | 400 | malformed-request
            unknown field          | /api/v1/instruments/ACME/bars                   | {"bars":[{"day":"2024-01-02"}]}                                   | 400 | malformed-request
            no bars                | /api/v1/instruments/ACME/bars                   | {"bars":[]}                                                       | 400 | invalid-field
            missing bars           | /api/v1/instruments/ACME/bars                   | {}                                                                | 400 | missing-field
            bad run id             | /api/v1/instruments/ACME/bars                   | {"runId":"a b","bars":[{"date":"2024-01-02","open":1,"high":1,"low":1,"close":1,"volume":1}]} | 400 | invalid-field
            register unknown type  | /api/v1/instruments                             | {"symbol":"X","name":"X","type":"BOND","currency":"USD"}         | 400 | invalid-field
            register no currency   | /api/v1/instruments                             | {"symbol":"X","name":"X","type":"EQUITY"}                         | 400 | missing-field
            register other details | /api/v1/instruments                             | {"symbol":"ACME","name":"Other","type":"EQUITY","currency":"USD"} | 409 | instrument-exists
            split zero             | /api/v1/instruments/ACME/splits                 | {"effectiveDate":"2024-06-10","numerator":0,"denominator":1}      | 400 | invalid-field
            dividend currency      | /api/v1/instruments/ACME/dividends              | {"exDate":"2024-06-10","amount":1,"currency":"EUR"}               | 422 | currency-mismatch
            correction of nothing  | /api/v1/instruments/ACME/bars/2024-01-05/correction | {"open":1,"high":1,"low":1,"close":1,"volume":1,"reason":"x"} | 404 | bar-not-found
            correction bad date    | /api/v1/instruments/ACME/bars/2024-02-30/correction | {"open":1,"high":1,"low":1,"close":1,"volume":1,"reason":"x"} | 400 | invalid-field
            """)
    void refusesWithAProblemNamingTheRuleAndStoresNothing(String name, String uri, String body, int status,
                                                          String rule) {
        long before = store.count();

        JsonNode problem = post(uri, body, status);

        assertThat(problem.get("type").asText()).isEqualTo("https://finflow.dev/problems/" + rule);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void refusesMoreThanTenThousandBarsAndAMalformedCsvStoringNothing() {
        StringJoiner csv = new StringJoiner("\n", "Date,Open,High,Low,Close,Adj Close,Volume\n", "\n");
        for (int i = 0; i <= Instrument.MAX_BATCH; i++) {
            csv.add("2024-01-02,1,1,1,1,1,1");
        }
        long before = store.count();

        assertThat(postCsv(BARS, csv.toString(), 413).get("type").asText()).endsWith("/too-many-bars");
        assertThat(postCsv(BARS, "Day,Price\n2024-01-02,1\n", 400).get("type").asText()).endsWith("/malformed-csv");
        http.post().uri(BARS).contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange()
                .expectStatus().isEqualTo(415);
        assertThat(store.count()).isEqualTo(before);
    }

    private JsonNode post(String uri, String body, int status) {
        byte[] answer = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return StoredEvents.parse(new String(answer, java.nio.charset.StandardCharsets.UTF_8));
    }

    private JsonNode postCsv(String uri, String body, int status) {
        byte[] answer = http.post().uri(uri).contentType(BarUploads.TEXT_CSV).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return StoredEvents.parse(new String(answer, java.nio.charset.StandardCharsets.UTF_8));
    }
}
