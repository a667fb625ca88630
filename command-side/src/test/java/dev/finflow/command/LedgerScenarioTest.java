package dev.finflow.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's acceptance scenario through HTTP: open, deposit, buy, sell, dividend, fee, reversal, transfer
 * and a refused oversell leave exactly the expected events in the store, and nothing for the refusal.
 */
@CommandSideTest
class LedgerScenarioTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    @Test
    void aLedgerScenarioLeavesExactlyTheExpectedEvents() {
        post("/api/v1/accounts", """
                {"accountId":"acc-1","name":"Main","currency":"EUR","openedOn":"2024-01-02"}""", 201);
        post("/api/v1/accounts", """
                {"accountId":"acc-2","name":"Savings","currency":"EUR","openedOn":"2024-01-02"}""", 201);
        tx("acc-1", """
                {"transactionId":"d1","type":"DEPOSIT","amount":"10000.00","currency":"EUR","date":"2024-01-03"}""");
        tx("acc-1", """
                {"transactionId":"b1","type":"BUY","symbol":"AAPL","quantity":10,"price":150.00,"fee":1.00,
                 "currency":"EUR","date":"2024-01-04"}""");
        tx("acc-1", """
                {"transactionId":"s1","type":"SELL","symbol":"AAPL","quantity":4,"price":170.00,"fee":1.00,
                 "currency":"EUR","date":"2024-02-05"}""");
        tx("acc-1", """
                {"transactionId":"dv1","type":"DIVIDEND","symbol":"AAPL","amount":8.20,"currency":"EUR",
                 "date":"2024-02-15"}""");
        tx("acc-1", """
                {"transactionId":"f1","type":"FEE","amount":2.50,"currency":"EUR","date":"2024-02-28",
                 "memo":"custody"}""");
        post("/api/v1/accounts/acc-1/transactions/f1/reversal", """
                {"transactionId":"r1","date":"2024-03-01","reason":"fee waived"}""", 201);
        long transferPosition = post("/api/v1/transfers", """
                {"transferId":"t1","fromAccountId":"acc-1","toAccountId":"acc-2","amount":500,"currency":"EUR",
                 "date":"2024-03-02"}""", 202).get("position").asLong();

        JsonNode refused = post("/api/v1/accounts/acc-1/transactions", """
                {"transactionId":"s2","type":"SELL","symbol":"AAPL","quantity":100,"price":170.00,
                 "currency":"EUR","date":"2024-03-03"}""", 422);

        assertThat(refused.get("type").asText()).isEqualTo("https://finflow.dev/problems/insufficient-units");
        List<StoredEvents.Row> rows = store.awaitAll(all -> of(all, "acc-1", "acc-2").size() == 10);
        rows = of(rows, "acc-1", "acc-2");
        assertThat(rows).extracting(StoredEvents.Row::simpleType).containsExactly(
                "AccountOpenedEvent", "AccountOpenedEvent", "CashDepositedEvent", "TradeRecordedEvent",
                "TradeRecordedEvent", "DividendRecordedEvent", "FeeChargedEvent", "TransactionReversedEvent",
                "TransferSentEvent", "TransferReceivedEvent");
        assertThat(rows).extracting(StoredEvents.Row::aggregateId).containsExactly(
                "acc-1", "acc-2", "acc-1", "acc-1", "acc-1", "acc-1", "acc-1", "acc-1", "acc-1", "acc-2");
        assertThat(rows.get(8).position()).isEqualTo(transferPosition);

        assertThat(legs(rows.get(3))).isEqualTo("SECURITY AAPL 10 1501.00|CASH EUR -1501.00 -1501.00");
        assertThat(legs(rows.get(4))).isEqualTo("SECURITY AAPL -4 -679.00|CASH EUR 679.00 679.00");
        assertThat(legs(rows.get(5))).isEqualTo("CASH EUR 8.20 8.20|INCOME AAPL -8.20 -8.20");
        assertThat(legs(rows.get(6))).isEqualTo("CASH EUR -2.50 -2.50|EXPENSE EUR 2.50 2.50");
        assertThat(legs(rows.get(7))).isEqualTo("CASH EUR 2.50 2.50|EXPENSE EUR -2.50 -2.50");
        assertThat(rows.get(7).payload().get("reversedTransactionId").asText()).isEqualTo("f1");
        assertThat(legs(rows.get(8))).isEqualTo("CASH EUR -500.00 -500.00|TRANSFER acc-2 500.00 500.00");
        assertThat(legs(rows.get(9))).isEqualTo("CASH EUR 500.00 500.00|TRANSFER acc-1 -500.00 -500.00");
        // The transfer process credits acc-2 for the sender: their principal, the process as actor.
        assertThat(rows.get(9).metaData().get("principal").asText()).isEqualTo(TestTokens.DEFAULT_SUBJECT);
        assertThat(rows.get(9).metaData().get("actor").asText()).isEqualTo("command-side/transfer-process");
        assertThat(rows.get(8).metaData().has("actor")).isFalse();
    }

    @Test
    void everyEventCarriesWhoWhyAndWhenWithThePrincipalFromTheVerifiedTokenOnly() {
        String alice = UUID.randomUUID().toString();
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(alice, Role.OWNER))
                .header("X-Correlation-Id", "corr-42")
                .bodyValue("""
                        {"accountId":"meta-1","name":"Meta","currency":"USD","openedOn":"2024-05-06"}""")
                .exchange().expectStatus().isCreated().expectHeader().valueEquals("X-Correlation-Id", "corr-42");
        http.post().uri("/api/v1/accounts/meta-1/transactions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(alice, Role.OWNER))
                .header("X-User", "bob")
                .bodyValue("""
                        {"transactionId":"d1","type":"DEPOSIT","amount":5,"currency":"USD","date":"2024-05-07"}""")
                .exchange().expectStatus().isCreated();

        List<StoredEvents.Row> rows = store.all().stream().filter(r -> r.aggregateId().equals("meta-1")).toList();

        JsonNode opened = rows.get(0).metaData();
        assertThat(opened.get("principal").asText()).isEqualTo(alice);
        assertThat(opened.get("correlationId").asText()).isEqualTo("corr-42");
        assertThat(opened.get("causationId").asText()).isNotBlank();
        assertThat(opened.get("recordedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(opened.get("effectiveDate").asText()).isEqualTo("2024-05-06");
        JsonNode deposited = rows.get(1).metaData();
        // A forged X-User changes nothing: the principal is the token's subject.
        assertThat(deposited.get("principal").asText()).isEqualTo(alice);
        assertThat(rows).extracting(row -> row.metaData().toString()).noneMatch(meta -> meta.contains("bob"));
        assertThat(deposited.get("correlationId").asText()).isNotEqualTo("corr-42");
        assertThat(deposited.get("effectiveDate").asText()).isEqualTo("2024-05-07");
        assertThat(deposited.get("causationId").asText()).isNotEqualTo(opened.get("causationId").asText());
    }

    @Test
    void aTransferToAClosedAccountIsRefundedToTheSenderWithTheSameCorrelation() {
        post("/api/v1/accounts", """
                {"accountId":"from-1","name":"From","currency":"EUR","openedOn":"2024-01-02"}""", 201);
        post("/api/v1/accounts", """
                {"accountId":"closed-1","name":"Closed","currency":"EUR"}""", 201);
        post("/api/v1/accounts/closed-1/closure", "{}", 201);
        tx("from-1", """
                {"transactionId":"d1","type":"DEPOSIT","amount":100,"currency":"EUR","date":"2024-01-03"}""");

        http.post().uri("/api/v1/transfers").contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", "transfer-corr")
                .bodyValue("""
                        {"transferId":"t9","fromAccountId":"from-1","toAccountId":"closed-1","amount":60,
                         "currency":"EUR","date":"2024-01-04"}""")
                .exchange().expectStatus().isAccepted();

        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream()
                .anyMatch(r -> r.simpleType().equals("TransferRefundedEvent")));
        List<StoredEvents.Row> transfer = of(rows, "from-1", "closed-1").stream()
                .filter(r -> r.simpleType().startsWith("Transfer")).toList();
        assertThat(transfer).extracting(StoredEvents.Row::simpleType)
                .containsExactly("TransferSentEvent", "TransferRefundedEvent");
        StoredEvents.Row refund = transfer.get(1);
        assertThat(refund.aggregateId()).isEqualTo("from-1");
        // The sender learns that the receiver refused, not why (the receiver is another person's account).
        assertThat(refund.payload().get("reason").asText()).isEqualTo("refused by the receiving account");
        assertThat(legs(refund)).isEqualTo("CASH EUR 60.00 60.00|TRANSFER closed-1 -60.00 -60.00");
        assertThat(refund.metaData().get("correlationId").asText()).isEqualTo("transfer-corr");
        assertThat(rows.stream().filter(r -> r.aggregateId().equals("closed-1")))
                .extracting(StoredEvents.Row::simpleType)
                .containsExactly("AccountOpenedEvent", "AccountClosedEvent");
    }

    private static List<StoredEvents.Row> of(List<StoredEvents.Row> rows, String... accounts) {
        List<String> wanted = List.of(accounts);
        return rows.stream().filter(row -> wanted.contains(row.aggregateId())).toList();
    }

    private static String legs(StoredEvents.Row row) {
        StringBuilder text = new StringBuilder();
        for (JsonNode leg : row.payload().get("legs")) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(leg.get("type").asText()).append(' ').append(leg.get("asset").asText()).append(' ')
                    .append(leg.get("quantity").decimalValue().toPlainString()).append(' ')
                    .append(leg.get("amount").decimalValue().toPlainString());
        }
        return text.toString();
    }

    private void tx(String account, String body) {
        post("/api/v1/accounts/" + account + "/transactions", body, 201);
    }

    private JsonNode post(String uri, String body, int status) {
        byte[] response = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return StoredEvents.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8));
    }
}
