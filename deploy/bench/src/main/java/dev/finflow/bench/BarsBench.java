package dev.finflow.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Bulk import into the bars projection: appends {@code --bars} bars as {@code BarsIngestedEvent}s of
 * {@code --batch} bars each (one event per batch, as the command side stores an import) straight into the event
 * store of a running query side, and measures how fast its bars projection applies them: from the first append
 * until the bars table holds every bar and the projection's token has passed the last event. The other
 * projections of the service (audit, quality...) run meanwhile, as they do in production.
 */
final class BarsBench {

    private BarsBench() {
    }

    static void run(Options options) throws Exception {
        String jdbc = options.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/finflow_bench_bars?user=postgres");
        int total = options.getInt("bars", 500_000);
        int batch = options.getInt("batch", 10_000);
        int symbols = (total + batch - 1) / batch;
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            connection.setAutoCommit(false);
            long before = count(connection);
            System.out.printf("Appending %,d bars as %d BarsIngestedEvents of %,d bars ...%n", total, symbols, batch);
            long start = System.nanoTime();
            int appended = 0;
            for (int s = 0; s < symbols; s++) {
                String symbol = String.format("B%04d", s);
                int bars = Math.min(batch, total - appended);
                append(connection, symbol, 0, "dev.finflow.events.market.InstrumentRegisteredEvent",
                        registered(symbol));
                append(connection, symbol, 1, "dev.finflow.events.market.BarsIngestedEvent", ingested(symbol, bars));
                connection.commit();
                appended += bars;
            }
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  appended in %.1f s (%,.0f bars/s into the event store)%n", appendSeconds,
                    total / appendSeconds);
            long head = head(connection);
            while (count(connection) - before < total || applied(connection) < head) {
                Thread.sleep(50);
                if ((System.nanoTime() - start) / 1e9 > options.getInt("timeout", 900)) {
                    throw new IllegalStateException("bars projection did not finish: " + count(connection) + " bars");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  live: projected %,d bars in %.1f s: %,.0f bars/s through the bars projection "
                    + "(first append to last bar applied, appending and projecting at once)%n", total, seconds,
                    total / seconds);
            rebuild(connection, options.get("url", "http://localhost:18082"), total, options.getInt("timeout", 900));
        }
    }

    /** Rebuilds the bars projection from zero beside the live copy: the projection alone, every bar again. */
    private static void rebuild(Connection connection, String url, int total, int timeout) throws Exception {
        long version = single(connection, "select active_version from query.projection_version where name = 'bars'");
        long start = System.nanoTime();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/admin/projections/bars/rebuild"))
                        .header("Authorization", BenchAuth.header())
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + response.statusCode() + " " + response.body());
        }
        while (single(connection, "select active_version from query.projection_version where name = 'bars'")
                == version) {
            Thread.sleep(50);
            if ((System.nanoTime() - start) / 1e9 > timeout) {
                throw new IllegalStateException("rebuild did not finish");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  rebuild: %,d bars in %.1f s: %,.0f bars/s through the bars projection alone "
                + "(rebuild request to swap)%n", total, seconds, total / seconds);
    }

    private static void append(Connection connection, String symbol, long sequence, String type, String payload)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into events.domain_event_entry"
                + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp) values (?, ?, 'Instrument', ?, ?, ?, '1', ?, ?)")) {
            insert.setString(1, "instrument/" + symbol);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, "{\"principal\":\"bench\",\"source\":\"bench\",\"correlationId\":\"bench-" + symbol
                    + "\",\"ingestionRunId\":\"bench\"}");
            insert.setString(5, payload);
            insert.setString(6, type);
            insert.setString(7, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    private static String registered(String symbol) {
        return "{\"symbol\":\"" + symbol + "\",\"name\":\"Bench " + symbol + "\",\"type\":\"EQUITY\","
                + "\"currency\":\"USD\",\"baseCurrency\":null,\"exchange\":\"BENCH\",\"registeredOn\":\"1990-01-01\"}";
    }

    /** A deterministic random walk of daily bars from 1990-01-01, one per calendar day. */
    private static String ingested(String symbol, int bars) {
        StringBuilder json = new StringBuilder(bars * 160);
        json.append("{\"symbol\":\"").append(symbol).append("\",\"runId\":\"bench\",\"source\":\"bench\",\"bars\":[");
        LocalDate date = LocalDate.of(1990, 1, 1);
        java.util.Random random = new java.util.Random(symbol.hashCode());
        BigDecimal close = new BigDecimal("100.00");
        for (int i = 0; i < bars; i++) {
            BigDecimal open = close;
            close = close.multiply(BigDecimal.valueOf(1 + (random.nextGaussian() * 0.01))).setScale(2,
                    RoundingMode.HALF_EVEN).max(new BigDecimal("0.01"));
            BigDecimal high = open.max(close).add(new BigDecimal("0.05"));
            BigDecimal low = open.min(close).subtract(new BigDecimal("0.05")).max(new BigDecimal("0.01"));
            json.append(i == 0 ? "" : ",").append("{\"bar\":{\"date\":\"").append(date.plusDays(i))
                    .append("\",\"open\":").append(open.toPlainString()).append(",\"high\":")
                    .append(high.toPlainString()).append(",\"low\":").append(low.toPlainString())
                    .append(",\"close\":").append(close.toPlainString()).append(",\"adjustedClose\":null,\"volume\":")
                    .append(1000 + random.nextInt(9000)).append("},\"verdict\":\"ACCEPTED\",\"findings\":[]}");
        }
        return json.append("]}").toString();
    }

    private static String barsTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select active_version from query.projection_version"
                     + " where name = 'bars'")) {
            return rs.next() ? "query.bar_v" + rs.getInt(1) : null;
        }
    }

    private static long count(Connection connection) throws Exception {
        String table = barsTable(connection);
        connection.commit();
        return table == null ? 0 : single(connection, "select count(*) from " + table);
    }

    private static long head(Connection connection) throws Exception {
        return single(connection, "select coalesce(max(global_index), -1) from events.domain_event_entry");
    }

    /** The lowest token index over the bars projection's segments (its contiguous applied position, roughly). */
    private static long applied(Connection connection) throws Exception {
        return single(connection, "select coalesce(min((token::json ->> 'index')::bigint), -1) from"
                + " query.token_entry t join query.projection_version v on t.processor_name = 'bars@v'"
                + " || v.active_version where v.name = 'bars'");
    }

    private static long single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            connection.commit();
            return value;
        }
    }
}
