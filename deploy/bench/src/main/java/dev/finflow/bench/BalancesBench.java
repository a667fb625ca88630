package dev.finflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Monthly balances at both ends of the allowed date window (issue 11: "reads bound their own work"): one account
 * opened on 1900-01-01 with transactions spread from then to nearly a year ahead, written through the command
 * side's API, then {@code GET monthly-balances?limit=1} (the first page: 1900-01) and the page of the last month
 * read open-loop at a fixed rate. A read that walked the calendar would touch ~1,500 months per asset.
 */
final class BalancesBench {

    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final String ACCOUNT = "edge-1";

    private BalancesBench() {
    }

    static void run(Options options) throws Exception {
        String command = options.get("command", "http://127.0.0.1:18181");
        String query = options.get("query", "http://127.0.0.1:18182");
        int rate = options.getInt("rate", 50);
        int seconds = options.getInt("seconds", 30);
        int transactions = options.getInt("transactions", 2000);
        HttpClient http = HttpClient.newHttpClient();
        LocalDate first = LocalDate.of(1900, 1, 1);
        LocalDate last = LocalDate.now().plusDays(360);
        long position = seed(http, command, first, last, transactions);
        // Read your writes: the first read waits until the projection has applied the last write.
        String firstPage = "/api/v1/accounts/" + ACCOUNT + "/monthly-balances?limit=1";
        String lastPage = "/api/v1/accounts/" + ACCOUNT + "/monthly-balances?limit=1&from=" + last.toString().substring(0, 7);
        long waited = System.nanoTime();
        while (send(http, HttpRequest.newBuilder(URI.create(query + firstPage + "&minPosition=" + position))).statusCode() != 200) {
            Thread.sleep(200);
        }
        System.out.printf("seeded %s: %,d transactions from %s to %s (last position %d); monthly balances caught up "
                + "%.1f s after the last write%n", ACCOUNT, transactions, first, last, position,
                (System.nanoTime() - waited) / 1e9);
        System.out.println("first page: " + body(http, query + firstPage));
        System.out.println("last page:  " + body(http, query + lastPage));
        OpenLoop.get(query, rate, 10, 4, n -> firstPage); // warm-up (JIT, pools), not reported
        System.out.println("monthly-balances?limit=1 (1900-01): "
                + OpenLoop.get(query, rate, seconds, 4, n -> firstPage).summary(rate, seconds));
        System.out.println("monthly-balances?limit=1&from=" + last.toString().substring(0, 7) + ": "
                + OpenLoop.get(query, rate, seconds, 4, n -> lastPage).summary(rate, seconds));
    }

    /** Opens the account on {@code first} and records deposits and fees spread evenly up to {@code last}. */
    private static long seed(HttpClient http, String command, LocalDate first, LocalDate last, int transactions)
            throws IOException, InterruptedException {
        post(http, command + "/api/v1/accounts", "{\"accountId\":\"" + ACCOUNT
                + "\",\"name\":\"Edges\",\"currency\":\"EUR\",\"openedOn\":\"" + first + "\"}");
        long days = ChronoUnit.DAYS.between(first, last);
        String position = "";
        for (int from = 0; from < transactions; from += 1000) {
            StringJoiner batch = new StringJoiner(",", "{\"transactions\":[", "]}");
            for (int i = from; i < Math.min(transactions, from + 1000); i++) {
                LocalDate date = first.plusDays(transactions == 1 ? 0 : days * i / (transactions - 1));
                batch.add(i % 2 == 0
                        ? "{\"transactionId\":\"d" + i + "\",\"type\":\"DEPOSIT\",\"amount\":\"100.00\",\"currency\":\"EUR\",\"date\":\"" + date + "\"}"
                        : "{\"transactionId\":\"f" + i + "\",\"type\":\"FEE\",\"amount\":\"1.25\",\"currency\":\"EUR\",\"date\":\"" + date + "\"}");
            }
            String answer = post(http, command + "/api/v1/accounts/" + ACCOUNT + "/transactions:batch", batch.toString());
            Matcher m = POSITION.matcher(answer);
            if (m.find()) {
                position = m.group(1);
            }
        }
        return Long.parseLong(position);
    }

    private static String post(HttpClient http, String uri, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String body(HttpClient http, String uri) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(uri))).body();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.header("Authorization", BenchAuth.header()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
