package dev.finflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query-side measurements (issue 3) against a running query side and its database:
 * {@code scan} (a plain SELECT over the event table: the ceiling), {@code rebuild} (all projections from the first
 * event, in events/s, then {@code verify} of each), {@code verify} (of each, e.g. after the lag's writes), and
 * {@code holdings} (GET holdings latency at a fixed request rate, current and as of a date).
 */
final class QueryBench {

    private static final Pattern STATUS = Pattern.compile(
            "\"name\":\"([^\"]+)\",\"activeVersion\":(\\d+),\"position\":(-?\\d+),\"head\":(-?\\d+)");

    private QueryBench() {
    }

    static void scan(Options options) throws Exception {
        try (Connection connection = DriverManager.getConnection(options.get("jdbc", ""))) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(5000);
                try (ResultSet rs = statement.executeQuery("select global_index, aggregate_identifier, payload_type, "
                        + "payload, meta_data, time_stamp from events.domain_event_entry order by global_index")) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getString(4).length() + rs.getString(5).length();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("scan: SELECT of %,d events (%,d MB of JSON) in %.1f s = %,.0f events/s%n", rows,
                    bytes >> 20, seconds, rows / seconds);
        }
    }

    static void rebuild(Options options) throws Exception {
        String url = options.get("url", "http://localhost:8082");
        HttpClient http = HttpClient.newHttpClient();
        // All the query side's projections unless named.
        List<String> names = options.get("projections", "").isBlank() ? names(http, url)
                : List.of(options.get("projections", "").split(","));
        List<Integer> before = new ArrayList<>();
        for (String name : names) {
            before.add(version(http, url, name));
        }
        long head = head(http, url);
        long started = System.nanoTime();
        for (String name : names) {
            http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/projections/" + name + "/rebuild"))
                    .header("Authorization", BenchAuth.header())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
        double[] done = new double[names.size()];
        int remaining = names.size();
        while (remaining > 0) {
            Thread.sleep(200);
            for (int i = 0; i < names.size(); i++) {
                if (done[i] == 0 && version(http, url, names.get(i)) > before.get(i)) {
                    done[i] = (System.nanoTime() - started) / 1e9;
                    remaining--;
                    System.out.printf("rebuild: %-17s %,d events in %.1f s = %,.0f events/s%n", names.get(i), head,
                            done[i], head / done[i]);
                }
            }
        }
        double all = (System.nanoTime() - started) / 1e9;
        System.out.printf("rebuild: all %d projections at once, from the first POST to the last swap: %,d store events"
                + " in %.1f s = %,.0f store events/s%n", names.size(), head, all, head / all);
        // The rebuilt copies must equal the store: verify folds the events again and lists every difference.
        verify(http, url, names, "after the rebuild");
    }

    /** {@code verify} of every projection (or those named), labelled {@code --label}: each must show 0 differences. */
    static void verify(Options options) throws Exception {
        String url = options.get("url", "http://localhost:8082");
        HttpClient http = HttpClient.newHttpClient();
        List<String> names = options.get("projections", "").isBlank() ? names(http, url)
                : List.of(options.get("projections", "").split(","));
        verify(http, url, names, options.get("label", "now"));
    }

    private static void verify(HttpClient http, String url, List<String> names, String label) throws Exception {
        for (String name : names) {
            String verification = get(http, url + "/api/v1/admin/projections/" + name + "/verify");
            Matcher checked = Pattern.compile("\"facts\":(\\d+)").matcher(verification);
            System.out.printf("verify %s: %-17s %s%n", label, name, checked.find()
                    ? checked.group(1) + " facts checked, " + occurrences(verification, "\"problem\":")
                    + " differences" : verification.substring(0, Math.min(300, verification.length())));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> names(HttpClient http, String url) throws Exception {
        List<String> names = new ArrayList<>();
        Matcher m = STATUS.matcher(get(http, url + "/api/v1/admin/projections"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static void holdings(Options options) throws Exception {
        String url = options.get("url", "http://localhost:8082");
        int rate = options.getInt("rate", 200);
        int seconds = options.getInt("seconds", 30);
        int accounts = options.getInt("accounts", 1000);
        String account = options.get("account", null);
        boolean asOf = Boolean.parseBoolean(options.get("as-of", "false"));
        // An instant: the reads are "as known at" it. With --known-from and --known-to instead, each read is as
        // known at a random instant between the two.
        String knownAt = options.get("known-at", null);
        Instant knownFrom = options.get("known-from", null) == null ? null : Instant.parse(options.get("known-from", null));
        Instant knownTo = knownFrom == null ? null : Instant.parse(options.get("known-to", null));
        // holdings (as of a random date) or monthly-balances (a page of twelve months from a random month)
        String read = options.get("read", "holdings");
        // The dates read: --days days from 2022-01-03 (big-1's span is longer than the other accounts').
        int days = options.getInt("days", 1100);
        OpenLoop.Result result = OpenLoop.get(url, rate, seconds, options.getInt("connections", 4), n -> {
            // Each request's own random numbers (seeded by its number), so the clients share no generator.
            SplittableRandom random = new SplittableRandom(7 + n);
            String id = account != null ? account : "acc-" + random.nextInt(accounts);
            String known = knownFrom == null ? knownAt : knownFrom.plusMillis(random.nextLong(
                    Math.max(1, knownTo.toEpochMilli() - knownFrom.toEpochMilli()))).toString();
            LocalDate date = LocalDate.of(2022, 1, 3).plusDays(random.nextInt(days));
            return "/api/v1/accounts/" + id + ("monthly-balances".equals(read)
                    ? "/monthly-balances?from=" + date.toString().substring(0, 7) + "&to="
                    + date.plusMonths(11).toString().substring(0, 7) + "&"
                    : "/holdings?" + (asOf ? "asOf=" + date + "&" : ""))
                    + (known != null ? "knownAt=" + known : "");
        });
        System.out.printf("%s%s%s%s: %s%n", read, asOf ? " asOf" : "",
                knownFrom != null ? " knownAt random" : knownAt != null ? " knownAt" : "",
                account != null ? " of " + account : "", result.summary(rate, seconds));
    }

    private static int version(HttpClient http, String url, String name) throws Exception {
        Matcher m = STATUS.matcher(get(http, url + "/api/v1/admin/projections/" + name));
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    private static long head(HttpClient http, String url) throws Exception {
        Matcher m = STATUS.matcher(get(http, url + "/api/v1/admin/projections"));
        return m.find() ? Long.parseLong(m.group(4)) : -1;
    }

    private static String get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", BenchAuth.header()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
