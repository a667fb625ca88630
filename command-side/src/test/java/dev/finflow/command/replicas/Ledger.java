package dev.finflow.command.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.StoredEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One command-side instance's ledger API, over real HTTP. */
final class Ledger {

    /** Every writer's bearer token, from the test issuer both instances trust. */
    private static final String TOKEN = TestTokens.bearer("replica-writer", Role.OWNER);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What an instance answered to one transaction; {@code position} is -1 unless it was recorded. */
    record Answer(Ledger instance, String account, String txId, String type, BigDecimal amount, int status,
                  long position, String rule, String receiver) {
    }

    private final int port;

    Ledger(int port) {
        this.port = port;
    }

    int open(String account) {
        return join(openAsync(account)).statusCode();
    }

    /** Opens the same account at every instance at the same moment; answers their statuses. */
    static List<Integer> openAtBoth(List<Ledger> instances, String account) {
        List<CompletableFuture<HttpResponse<String>>> sent = instances.stream()
                .map(instance -> instance.openAsync(account)).toList();
        return sent.stream().map(response -> join(response).statusCode()).toList();
    }

    Answer transfer(String from, String to, String transferId, BigDecimal amount) {
        Answer answer = answer(from, transferId, "TRANSFER", amount, join(CLIENT.sendAsync(post("/api/v1/transfers",
                "{\"transferId\":\"" + transferId + "\",\"fromAccountId\":\"" + from + "\",\"toAccountId\":\""
                        + to + "\",\"amount\":" + amount.toPlainString() + ",\"currency\":\"EUR\",\"date\":\"2024-01-02\"}"),
                HttpResponse.BodyHandlers.ofString())));
        return new Answer(this, from, transferId, "TRANSFER", amount, answer.status(), answer.position(),
                answer.rule(), to);
    }

    private CompletableFuture<HttpResponse<String>> openAsync(String account) {
        return CLIENT.sendAsync(post("/api/v1/accounts", "{\"accountId\":\"" + account
                + "\",\"name\":\"replicas\",\"currency\":\"EUR\",\"openedOn\":\"2024-01-01\"}"), HttpResponse.BodyHandlers.ofString());
    }

    Answer send(String account, String txId, String type, BigDecimal amount) {
        return answer(account, txId, type, amount, join(async(account, txId, type, amount)));
    }

    /** Sends the same transaction to every instance at the same moment. */
    static List<Answer> sendToBoth(List<Ledger> instances, String account, String txId, String type,
                                   BigDecimal amount) {
        List<CompletableFuture<HttpResponse<String>>> sent = instances.stream()
                .map(instance -> instance.async(account, txId, type, amount)).toList();
        return instances.stream().map(instance -> instance.answer(account, txId, type, amount,
                join(sent.get(instances.indexOf(instance))))).toList();
    }

    private CompletableFuture<HttpResponse<String>> async(String account, String txId, String type,
                                                          BigDecimal amount) {
        return CLIENT.sendAsync(post("/api/v1/accounts/" + account + "/transactions", "{\"transactionId\":\""
                + txId + "\",\"type\":\"" + type + "\",\"amount\":" + amount.toPlainString()
                + ",\"currency\":\"EUR\",\"date\":\"2024-01-02\"}"), HttpResponse.BodyHandlers.ofString());
    }

    private Answer answer(String account, String txId, String type, BigDecimal amount, HttpResponse<String> response) {
        JsonNode body = response.body().isBlank() ? null : StoredEvents.parse(response.body());
        long position = body != null && body.has("position") ? body.get("position").asLong() : -1;
        String rule = body != null && body.has("rule") ? body.get("rule").asText() : null;
        return new Answer(this, account, txId, type, amount, response.statusCode(), position, rule, null);
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", TOKEN)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> response) {
        try {
            return response.join();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("request failed", e));
        }
    }
}
