package dev.finflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The command side's instrument API, through the JDK HTTP client. */
final class InstrumentApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;

    InstrumentApi(String url) {
        this.url = url;
    }

    void register(String symbol) throws IOException, InterruptedException {
        JsonNode answer = post("/api/v1/instruments", "{\"symbol\":\"" + symbol + "\",\"name\":\"" + symbol
                + "\",\"type\":\"EQUITY\",\"currency\":\"USD\",\"exchange\":\"NASDAQ\"}", "application/json");
        if (!answer.has("position")) {
            throw new IllegalStateException("cannot register " + symbol + ": " + answer);
        }
    }

    /** Sends one batch and answers the service's report (counts per verdict, findings). */
    JsonNode bars(String symbol, String runId, List<DailyBar> bars) throws IOException, InterruptedException {
        return send(symbol, runId, "json", json(runId, bars));
    }

    /** A batch as the body the bar API takes: JSON, or Yahoo's CSV download format. */
    static String body(String format, String runId, List<DailyBar> bars) {
        if (!format.equals("csv")) {
            return json(runId, bars);
        }
        StringBuilder csv = new StringBuilder(bars.size() * 60 + 64).append("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (DailyBar bar : bars) {
            csv.append(bar.date()).append(',').append(bar.open().toPlainString()).append(',')
                    .append(bar.high().toPlainString()).append(',').append(bar.low().toPlainString()).append(',')
                    .append(bar.close().toPlainString()).append(',')
                    .append(bar.adjustedClose() == null ? "" : bar.adjustedClose().toPlainString()).append(',')
                    .append(bar.volume()).append('\n');
        }
        return csv.toString();
    }

    /** Sends a prepared body ({@link #body}) and answers the service's report. */
    JsonNode send(String symbol, String runId, String format, String body) throws IOException, InterruptedException {
        String type = format.equals("csv") ? "text/csv" : "application/json";
        JsonNode answer = post("/api/v1/instruments/" + symbol + "/bars?runId=" + runId + "&source=bench", body, type);
        if (!answer.has("received")) {
            throw new IllegalStateException("batch of " + symbol + " refused: " + answer);
        }
        return answer;
    }

    private static String json(String runId, List<DailyBar> bars) {
        StringBuilder json = new StringBuilder(bars.size() * 140 + 64);
        json.append("{\"runId\":\"").append(runId).append("\",\"source\":\"bench\",\"bars\":[");
        for (int i = 0; i < bars.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            bars.get(i).appendJson(json);
        }
        json.append("]}");
        return json.toString();
    }

    private JsonNode post(String path, String body, String type) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", type).header("Authorization", BenchAuth.header())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
