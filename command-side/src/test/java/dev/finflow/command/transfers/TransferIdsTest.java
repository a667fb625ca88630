package dev.finflow.command.transfers;

import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Transfer ids are scoped to the sender at the receiver, and a transfer is reversed as a whole. */
@CommandSideTest
class TransferIdsTest {

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    @Test
    void theSameTransferIdFromTwoSendersCreditsTheReceiverTwice() {
        funded("tx-a");
        funded("tx-b");
        open("tx-c");

        assertThat(transfer("t1", "tx-a", "tx-c", "30.00")).isEqualTo(202);
        assertThat(transfer("t1", "tx-b", "tx-c", "40.00")).isEqualTo(202);

        List<StoredEvents.Row> rows = store.awaitAll(all -> received(all, "tx-c").size() == 2);
        assertThat(received(rows, "tx-c")).extracting(r -> r.payload().get("transactionId").asText())
                .containsExactlyInAnyOrder("t1@tx-a", "t1@tx-b");
        assertThat(rows.stream().filter(r -> r.simpleType().equals("TransferRefundedEvent"))).isEmpty();
        // A client cannot take an id of the shape the ledger gives received transfers.
        assertThat(post("/api/v1/accounts/tx-c/transactions", "{\"transactionId\":\"t2@tx-a\",\"type\":"
                + "\"DEPOSIT\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"date\":\"2024-01-03\"}")).isEqualTo(400);
    }

    @Test
    void aTransferReversedAtTheReceiverIsCancelledAtTheSenderToo() {
        funded("rv-a");
        open("rv-c");
        assertThat(transfer("t1", "rv-a", "rv-c", "30.00")).isEqualTo(202);
        store.awaitAll(all -> received(all, "rv-c").size() == 1);

        assertThat(post("/api/v1/accounts/rv-a/transactions/t1/reversal", "{\"transactionId\":\"r0\","
                + "\"date\":\"2024-02-01\"}")).isEqualTo(422);
        assertThat(post("/api/v1/accounts/rv-c/transactions/t1@rv-a/reversal", "{\"transactionId\":\"r1\","
                + "\"date\":\"2024-02-01\",\"reason\":\"wrong account\"}")).isEqualTo(201);

        List<StoredEvents.Row> rows = store.awaitAll(all -> all.stream().anyMatch(r -> r.aggregateId()
                .equals("rv-a") && r.simpleType().equals("TransferRefundedEvent")));
        StoredEvents.Row refund = rows.stream().filter(r -> r.aggregateId().equals("rv-a")
                && r.simpleType().equals("TransferRefundedEvent")).findFirst().orElseThrow();
        assertThat(refund.payload().get("bookingDate").asText()).isEqualTo("2024-01-05");
        // The sender holds its 10000.00 again: all of it can leave, not a cent more.
        assertThat(post("/api/v1/accounts/rv-a/transactions", "{\"transactionId\":\"w1\",\"type\":\"WITHDRAWAL\","
                + "\"amount\":\"10000.01\",\"currency\":\"EUR\",\"date\":\"2024-02-02\"}")).isEqualTo(422);
        assertThat(post("/api/v1/accounts/rv-a/transactions", "{\"transactionId\":\"w2\",\"type\":\"WITHDRAWAL\","
                + "\"amount\":\"10000.00\",\"currency\":\"EUR\",\"date\":\"2024-02-02\"}")).isEqualTo(201);
    }

    private static List<StoredEvents.Row> received(List<StoredEvents.Row> rows, String account) {
        return rows.stream().filter(r -> r.aggregateId().equals(account)
                && r.simpleType().equals("TransferReceivedEvent")).toList();
    }

    private void open(String account) {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"" + account + "\",\"name\":\"A\",\"currency\":\"EUR\","
                        + "\"openedOn\":\"2024-01-02\"}")
                .exchange().expectStatus().isCreated();
    }

    private void funded(String account) {
        open(account);
        assertThat(post("/api/v1/accounts/" + account + "/transactions", "{\"transactionId\":\"d1\","
                + "\"type\":\"DEPOSIT\",\"amount\":\"10000.00\",\"currency\":\"EUR\",\"date\":\"2024-01-03\"}"))
                .isEqualTo(201);
    }

    private int transfer(String id, String from, String to, String amount) {
        return post("/api/v1/transfers", "{\"transferId\":\"" + id + "\",\"fromAccountId\":\"" + from
                + "\",\"toAccountId\":\"" + to + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\","
                + "\"date\":\"2024-01-05\"}");
    }

    private int post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().returnResult(byte[].class).getStatus().value();
    }
}
