package dev.finflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Ingestion runs end to end (issue 4): {@code symbols} registered instruments fetched from the synthetic provider
 * for {@code years} of daily bars each, split over {@code runs} runs started through {@code POST
 * /api/v1/ingestion/runs}. The clock runs from the first start to the last run's completed event in the event
 * store, so it covers fetching, batching into IngestBarsCommands, the quality rules and the commits.
 */
final class IngestionRunBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestionRunBench() {
    }

    static void run(Options options) throws Exception {
        String url = options.get("url", "http://localhost:8081");
        String jdbc = options.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        int symbols = options.getInt("symbols", 80);
        int years = options.getInt("years", 26);
        int runs = options.getInt("runs", 2);
        String prefix = options.get("prefix", "RUNB");
        InstrumentApi instruments = new InstrumentApi(url);
        for (int s = 0; s < symbols; s++) {
            instruments.register(prefix + s);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String tag = Long.toString(System.currentTimeMillis(), 36);
        List<String> runIds = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            StringJoiner names = new StringJoiner("\",\"", "[\"", "\"]");
            for (int s = r; s < symbols; s += runs) {
                names.add(prefix + s);
            }
            String runId = "bench-" + tag + "-" + r;
            String body = "{\"runId\":\"" + runId + "\",\"symbols\":" + names + ",\"from\":\"2000-01-03\","
                    + "\"to\":\"" + (1999 + years) + "-12-31\",\"providers\":[\"synthetic\"]}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ingestion/runs"))
                    .header("Content-Type", "application/json").header("Authorization", BenchAuth.header())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("run not started: " + answer.body());
            }
            runIds.add(runId);
        }
        System.out.printf("runs: %d symbols x %d years of synthetic bars in %d runs%n", symbols, years, runs);
        long received = 0;
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            for (String runId : runIds) {
                received += awaitEnd(connection, runId);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ingested %d bars in %.1f s: %.0f bars/s end to end%n", received, seconds,
                    received / seconds);
            try (ResultSet stored = connection.createStatement().executeQuery("select count(*),"
                    + " coalesce(sum(json_array_length(payload::json -> 'bars')), 0)"
                    + " from events.domain_event_entry where payload_type like '%BarsIngestedEvent'"
                    + " and aggregate_identifier like 'instrument/" + prefix + "%'")) {
                stored.next();
                System.out.printf("in the event store: %d BarsIngestedEvent rows holding %d bars%n",
                        stored.getLong(1), stored.getLong(2));
            }
        }
    }

    /** Waits for the run's completed (or failed) event; answers the bars it received. */
    private static long awaitEnd(Connection connection, String runId) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select payload_type, payload"
                + " from events.domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%IngestionRun%edEvent' and payload_type not like '%Started%'"
                + " and payload_type not like '%Progressed%'")) {
            query.setString(1, "ingestion-run/" + runId);
            while (true) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        JsonNode payload = JSON.readTree(row.getString(2));
                        if (row.getString(1).endsWith("IngestionRunFailedEvent")) {
                            throw new IllegalStateException("run " + runId + " failed: " + payload);
                        }
                        return payload.get("barsReceived").asLong();
                    }
                }
                Thread.sleep(200);
            }
        }
    }
}
