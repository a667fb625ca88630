package dev.finflow.command.splits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splits recorded on an instrument reach the accounts holding it through the split process, over real HTTP and
 * PostgreSQL: sales are decided in the share basis of their date, a reverse split's remainder is paid in cash.
 */
@CommandSideTest
class SplitsInTheLedgerTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    @Test
    void aReverseSplitLeavesHalfTheUnitsToSell() {
        register("NCR");
        funded("ncr-1");
        assertThat(trade("ncr-1", "b1", "BUY", "NCR", "10", "10", "2024-01-10")).isEqualTo(201);

        split("NCR", "2024-05-01", "1", "2", null);
        awaitSplitApplied("ncr-1", 1);

        assertThat(trade("ncr-1", "s1", "SELL", "NCR", "8", "20", "2024-06-03")).isEqualTo(422);
        assertThat(trade("ncr-1", "s2", "SELL", "NCR", "5.00000001", "20", "2024-06-03")).isEqualTo(422);
        assertThat(trade("ncr-1", "s3", "SELL", "NCR", "5", "20", "2024-06-03")).isEqualTo(201);
    }

    @Test
    void aSplitDoublesTheUnitsToSellAndAPurchaseBackdatedBeforeItLearnsIt() {
        register("NCY");
        funded("ncy-1");
        assertThat(trade("ncy-1", "b1", "BUY", "NCY", "15", "10", "2024-01-10")).isEqualTo(201);
        split("NCY", "2024-05-01", "2", "1", null);
        awaitSplitApplied("ncy-1", 1);
        assertThat(trade("ncy-1", "s1", "SELL", "NCY", "31", "5", "2024-06-03")).isEqualTo(422);
        assertThat(trade("ncy-1", "s2", "SELL", "NCY", "30", "5", "2024-06-03")).isEqualTo(201);

        // An account that buys only now, backdated before the known split, is told of the split as well.
        funded("ncy-2");
        assertThat(trade("ncy-2", "b1", "BUY", "NCY", "5", "10", "2024-02-10")).isEqualTo(201);
        awaitSplitApplied("ncy-2", 1);
        assertThat(trade("ncy-2", "s1", "SELL", "NCY", "10", "5", "2024-06-03")).isEqualTo(201);
    }

    @Test
    void parallelSalesNeverTakeMoreThanTheSplitAdjustedPosition() {
        register("PAR");
        funded("par-1");
        assertThat(trade("par-1", "b1", "BUY", "PAR", "10", "10", "2024-01-10")).isEqualTo(201);
        split("PAR", "2024-05-01", "3", "1", null);
        awaitSplitApplied("par-1", 1);

        List<Integer> statuses = Flux.range(0, 40).parallel(8).runOn(Schedulers.boundedElastic())
                .map(i -> trade("par-1", "s" + i, "SELL", "PAR", "1", "4", "2024-06-03"))
                .sequential().collectList().block();

        assertThat(statuses).hasSize(40).containsOnly(201, 422);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(30);
        assertThat(store.all().stream().filter(r -> r.aggregateId().equals("par-1")
                && r.simpleType().equals("TradeRecordedEvent") && "SELL".equals(r.payload().get("side").asText())))
                .hasSize(30);
    }

    @Test
    void aReverseSplitPaysTheRemainderInCashAtTheSplitsPrice() {
        register("CIL");
        funded("cil-1");
        assertThat(trade("cil-1", "b1", "BUY", "CIL", "10", "10", "2024-01-10")).isEqualTo(201);

        split("CIL", "2024-05-01", "1", "3", "36.00");

        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream().anyMatch(r -> r.aggregateId()
                .equals("cil-1") && r.simpleType().equals("CashInLieuPaidEvent")));
        JsonNode paid = rows.stream().filter(r -> r.aggregateId().equals("cil-1")
                && r.simpleType().equals("CashInLieuPaidEvent")).findFirst().orElseThrow().payload();
        assertThat(paid.get("quantity").decimalValue()).isEqualByComparingTo("0.33333333");
        assertThat(paid.at("/legs/0/amount").decimalValue().toPlainString()).isEqualTo("-12.00");
        assertThat(paid.at("/legs/1/quantity").decimalValue().toPlainString()).isEqualTo("12.00");
        assertThat(trade("cil-1", "s1", "SELL", "CIL", "3.00000001", "36", "2024-06-03")).isEqualTo(422);
        assertThat(trade("cil-1", "s2", "SELL", "CIL", "3", "36", "2024-06-03")).isEqualTo(201);
    }

    @Test
    void accountsInAnotherCurrencyArePaidAtTheSplitsRateForTheirCurrencyAndKeepTheRemainderWithoutOne() {
        register("CIX", "USD");
        funded("cix-eur", "EUR");
        funded("cix-chf", "CHF");
        assertThat(trade("cix-eur", "b1", "BUY", "CIX", "10", "10", "2024-01-10", "EUR")).isEqualTo(201);
        assertThat(trade("cix-chf", "b1", "BUY", "CIX", "10", "10", "2024-01-10", "CHF")).isEqualTo(201);

        // Refused, and nothing recorded: rates without a price, a rate for the price's own currency, a rate out
        // of bounds, a code that is no currency.
        String split = "{\"effectiveDate\":\"2024-05-01\",\"numerator\":1,\"denominator\":3";
        assertProblem(split + ",\"cashInLieuFxRates\":{\"EUR\":0.9}}", 400, "invalid-field");
        assertProblem(split + ",\"cashInLieuPrice\":36,\"cashInLieuFxRates\":{\"USD\":1}}", 400, "invalid-field");
        assertProblem(split + ",\"cashInLieuPrice\":36,\"cashInLieuFxRates\":{\"EUR\":1e9}}", 400,
                "fx-rate-out-of-bounds");
        assertProblem(split + ",\"cashInLieuPrice\":36,\"cashInLieuFxRates\":{\"EURO\":0.9}}", 400,
                "unknown-currency");
        assertThat(store.all().stream().filter(r -> r.aggregateId().equals("instrument/CIX")
                && r.simpleType().equals("SplitRecordedEvent"))).isEmpty();

        assertThat(post("/api/v1/instruments/CIX/splits", split
                + ",\"cashInLieuPrice\":36.00,\"cashInLieuFxRates\":{\"EUR\":0.9}}")).isEqualTo(201);
        awaitSplitApplied("cix-eur", 1);
        awaitSplitApplied("cix-chf", 1);

        JsonNode paid = store.awaitAll(all -> all.stream().anyMatch(r -> r.aggregateId().equals("cix-eur")
                        && r.simpleType().equals("CashInLieuPaidEvent"))).stream()
                .filter(r -> r.aggregateId().equals("cix-eur") && r.simpleType().equals("CashInLieuPaidEvent"))
                .findFirst().orElseThrow().payload();
        // 0.33333333 units at 36.00 USD, at 0.9 EUR per USD: 10.7999998920, paid as 10.80 EUR.
        assertThat(paid.get("quantity").decimalValue()).isEqualByComparingTo("0.33333333");
        assertThat(paid.get("fxRate").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(paid.at("/price/currency").asText()).isEqualTo("USD");
        assertThat(paid.at("/legs/1/quantity").decimalValue().toPlainString()).isEqualTo("10.80");
        assertThat(paid.at("/legs/1/asset").asText()).isEqualTo("EUR");
        assertThat(trade("cix-eur", "s1", "SELL", "CIX", "3.00000001", "36", "2024-06-03", "EUR")).isEqualTo(422);

        // The CHF account has no rate: its remainder stays held, nothing is paid at a guessed rate.
        assertThat(store.all().stream().filter(r -> r.aggregateId().equals("cix-chf")
                && r.simpleType().equals("CashInLieuPaidEvent"))).isEmpty();
        assertThat(trade("cix-chf", "s1", "SELL", "CIX", "3.33333333", "36", "2024-06-03", "CHF")).isEqualTo(201);
    }

    private void assertProblem(String body, int status, String rule) {
        http.post().uri("/api/v1/instruments/CIX/splits").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.rule").isEqualTo(rule);
    }

    private void register(String symbol) {
        register(symbol, "EUR");
    }

    private void register(String symbol, String currency) {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"" + symbol + "\",\"name\":\"Test\",\"type\":\"EQUITY\","
                        + "\"currency\":\"" + currency + "\",\"exchange\":\"XETRA\"}")
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
    }

    private void funded(String account) {
        funded(account, "EUR");
    }

    private void funded(String account, String currency) {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"" + account + "\",\"name\":\"A\",\"currency\":\"" + currency
                        + "\",\"openedOn\":\"2024-01-02\"}")
                .exchange().expectStatus().isCreated();
        assertThat(post("/api/v1/accounts/" + account + "/transactions", "{\"transactionId\":\"d1\","
                + "\"type\":\"DEPOSIT\",\"amount\":\"10000.00\",\"currency\":\"" + currency
                + "\",\"date\":\"2024-01-03\"}")).isEqualTo(201);
    }

    private void split(String symbol, String date, String numerator, String denominator, String price) {
        assertThat(post("/api/v1/instruments/" + symbol + "/splits", "{\"effectiveDate\":\"" + date
                + "\",\"numerator\":" + numerator + ",\"denominator\":" + denominator
                + (price == null ? "" : ",\"cashInLieuPrice\":" + price) + "}")).isIn(200, 201);
    }

    private void awaitSplitApplied(String account, int count) {
        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream().filter(r -> r.aggregateId().equals(account)
                && r.simpleType().equals("SplitAppliedEvent")).count() >= count);
        assertThat(rows.stream().filter(r -> r.aggregateId().equals(account)
                && r.simpleType().equals("SplitAppliedEvent"))).hasSize(count);
    }

    private int trade(String account, String id, String side, String symbol, String quantity, String price,
                      String date) {
        return trade(account, id, side, symbol, quantity, price, date, "EUR");
    }

    private int trade(String account, String id, String side, String symbol, String quantity, String price,
                      String date, String currency) {
        return post("/api/v1/accounts/" + account + "/transactions", "{\"transactionId\":\"" + id + "\",\"type\":\""
                + side + "\",\"symbol\":\"" + symbol + "\",\"quantity\":\"" + quantity + "\",\"price\":\"" + price
                + "\",\"currency\":\"" + currency + "\",\"date\":\"" + date + "\"}");
    }

    private int post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().returnResult(byte[].class).getStatus().value();
    }
}
