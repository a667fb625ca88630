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

    private void register(String symbol) {
        http.post().uri("/api/v1/instruments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"" + symbol + "\",\"name\":\"Test\",\"type\":\"EQUITY\","
                        + "\"currency\":\"EUR\",\"exchange\":\"XETRA\"}")
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
    }

    private void funded(String account) {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"" + account + "\",\"name\":\"A\",\"currency\":\"EUR\","
                        + "\"openedOn\":\"2024-01-02\"}")
                .exchange().expectStatus().isCreated();
        assertThat(post("/api/v1/accounts/" + account + "/transactions", "{\"transactionId\":\"d1\","
                + "\"type\":\"DEPOSIT\",\"amount\":\"10000.00\",\"currency\":\"EUR\",\"date\":\"2024-01-03\"}"))
                .isEqualTo(201);
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
        return post("/api/v1/accounts/" + account + "/transactions", "{\"transactionId\":\"" + id + "\",\"type\":\""
                + side + "\",\"symbol\":\"" + symbol + "\",\"quantity\":\"" + quantity + "\",\"price\":\"" + price
                + "\",\"currency\":\"EUR\",\"date\":\"" + date + "\"}");
    }

    private int post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().returnResult(byte[].class).getStatus().value();
    }
}
