package dev.finflow.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.finflow.events.identity.Role;
import dev.finflow.testing.TestDatabase;
import dev.finflow.testing.TestIssuer;
import dev.finflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the pages under {@code docs/} against the real services: the command and query sides from their
 * packaged jars, on a fresh PostgreSQL with the bundled sample data. An example is a {@code <!-- example: name -->}
 * marker, an {@code http} block with the request, a line {@code → status} and, when the answer has a body, a
 * {@code json} block with it. The examples run in the order of the page, pages in the order of their names, as the
 * user {@code alice} (roles owner, market-data, admin); a read of the query side first waits until its projections
 * have applied everything stored. The answer must be the shown JSON exactly (same fields, same order of array
 * items, numbers written alike), except where the page shows {@code "…"}: that value may be anything, and a
 * string ending in {@code …} only has to start with the text before it. The actual answers are written to
 * {@code target/docs-examples.md}, so a changed answer is easy to compare.
 */
class DocsExamplesTest {

    /** Decimals as written: 8690.20 is not 8690.2, as a client that keeps the text would see. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String TOKEN = TestTokens.bearer("alice", Role.OWNER, Role.MARKET_DATA, Role.ADMIN);
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("finflow.system.startup-seconds", 300));
    private static final Pattern MARKER = Pattern.compile("^<!-- example: ([a-z0-9-]+) -->$");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) localhost:(\\d+)(/\\S*)$");
    private static final Pattern STATUS = Pattern.compile("^→ (\\d{3})\\b.*$");
    private static final String ANY = "…";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Example(String page, String name, String method, int port, String path, Map<String, String> headers,
                   String body, int status, String response) {
    }

    @Test
    void everyExampleOfTheDocsAnswersAsShown() throws Exception {
        List<Example> examples = examples();
        assertThat(examples).as("examples under docs/").hasSizeGreaterThan(10);
        List<String> failures = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        try (TestDatabase database = TestDatabase.create();
             Service command = Service.start("docs-command", "command-side", environment(database));
             Service query = Service.start("docs-query", "query-side", environment(database))) {
            command.awaitHealthy(STARTUP);
            query.awaitHealthy(STARTUP);
            awaitSampleData(database, query);
            Map<Integer, Service> services = Map.of(8081, command, 8082, query);
            for (Example example : examples) {
                Service service = services.get(example.port());
                assertThat(service).as("%s: no service on port %d in the examples", example.name(), example.port())
                        .isNotNull();
                if (service == query) {
                    awaitCaughtUp(database, query);
                }
                HttpResponse<String> answer = send(service, example);
                actual.append("<!-- example: ").append(example.name()).append(" -->\n→ ").append(answer.statusCode())
                        .append('\n').append(answer.body()).append("\n\n");
                List<String> differences = new ArrayList<>();
                if (answer.statusCode() != example.status()) {
                    differences.add("status " + answer.statusCode() + ", shown " + example.status());
                }
                if (example.response() != null) {
                    match(JSON.readTree(example.response()), answer.body().isBlank() ? null
                            : JSON.readTree(answer.body()), "$", differences);
                }
                if (!differences.isEmpty()) {
                    failures.add(example.page() + " " + example.name() + ": " + differences + "\n  answer: "
                            + answer.body());
                }
            }
        } finally {
            Files.writeString(Path.of("target/docs-examples.md"), actual);
        }
        assertThat(failures).as("examples whose answer differs from the page (all answers: target/docs-examples.md)")
                .isEmpty();
    }

    /** The examples of every page under docs/, pages by name, examples in page order. */
    static List<Example> examples() throws Exception {
        Path docs = Path.of(System.getProperty("finflow.docs", "../docs"));
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> pages = Files.list(docs)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                examples.addAll(examples(page.getFileName().toString(), Files.readAllLines(page)));
            }
        }
        return examples;
    }

    private static List<Example> examples(String page, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        Lines it = new Lines(lines);
        while (it.hasNext()) {
            Matcher marker = MARKER.matcher(it.next().strip());
            if (!marker.matches()) {
                continue;
            }
            String name = marker.group(1);
            List<String> request = block(it, "```http", page, name);
            Matcher line = REQUEST_LINE.matcher(request.get(0));
            assertThat(line.matches()).as("%s %s: request line %s", page, name, request.get(0)).isTrue();
            Map<String, String> headers = new LinkedHashMap<>();
            int i = 1;
            for (; i < request.size() && !request.get(i).isBlank(); i++) {
                String[] header = request.get(i).split(":\\s*", 2);
                headers.put(header[0], header[1]);
            }
            String body = String.join("\n", request.subList(Math.min(i + 1, request.size()), request.size())).strip();
            String status = nextNonBlank(it, page, name);
            Matcher shown = STATUS.matcher(status);
            assertThat(shown.matches()).as("%s %s: a line '→ <status>' after the request, found %s", page, name, status)
                    .isTrue();
            String response = null;
            // A body follows as a json block; anything else (text, the next marker) ends the example.
            if (it.hasNext() && it.peekNonBlank().equals("```json")) {
                nextNonBlank(it, page, name);
                response = String.join("\n", rest(it, page, name));
            }
            examples.add(new Example(page, name, line.group(1), Integer.parseInt(line.group(2)), line.group(3),
                    headers, body, Integer.parseInt(shown.group(1)), response));
        }
        return examples;
    }

    private static List<String> block(Lines it, String fence, String page, String name) {
        String opening = nextNonBlank(it, page, name);
        assertThat(opening).as("%s %s: a %s block after the marker", page, name, fence).isEqualTo(fence);
        return rest(it, page, name);
    }

    private static List<String> rest(Lines it, String page, String name) {
        List<String> lines = new ArrayList<>();
        while (it.hasNext()) {
            String line = it.next();
            if (line.equals("```")) {
                return lines;
            }
            lines.add(line);
        }
        throw new AssertionError(page + " " + name + ": block not closed");
    }

    private static String nextNonBlank(Lines it, String page, String name) {
        while (it.hasNext()) {
            String line = it.next();
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        throw new AssertionError(page + " " + name + ": the page ends inside the example");
    }

    /** The lines of a page, with a look at the next non-blank one. */
    private static final class Lines {
        private final List<String> lines;
        private int next;

        Lines(List<String> lines) {
            this.lines = lines;
        }

        boolean hasNext() {
            return next < lines.size();
        }

        String next() {
            return lines.get(next++);
        }

        String peekNonBlank() {
            for (int i = next; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "";
        }
    }

    /** Differences of {@code actual} from {@code shown}, "…" matching anything (or any text it starts). */
    static void match(JsonNode shown, JsonNode actual, String path, List<String> differences) {
        if (shown.isTextual() && shown.asText().equals(ANY)) {
            return;
        }
        if (actual == null) {
            differences.add(path + ": no body");
            return;
        }
        if (shown.isTextual() && shown.asText().endsWith(ANY)) {
            String start = shown.asText().substring(0, shown.asText().length() - ANY.length());
            if (!actual.isTextual() || !actual.asText().startsWith(start)) {
                differences.add(path + ": " + actual + " does not start with " + start);
            }
            return;
        }
        if (shown.isObject()) {
            if (!actual.isObject()) {
                differences.add(path + ": " + actual + " is no object");
                return;
            }
            TreeSet<String> shownNames = new TreeSet<>();
            shown.fieldNames().forEachRemaining(shownNames::add);
            TreeSet<String> actualNames = new TreeSet<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            if (!shownNames.equals(actualNames)) {
                differences.add(path + ": fields " + actualNames + ", shown " + shownNames);
                return;
            }
            shownNames.forEach(field -> match(shown.get(field), actual.get(field), path + "." + field, differences));
            return;
        }
        if (shown.isArray()) {
            if (!actual.isArray() || actual.size() != shown.size()) {
                differences.add(path + ": " + actual + ", shown " + shown.size() + " items");
                return;
            }
            for (int i = 0; i < shown.size(); i++) {
                match(shown.get(i), actual.get(i), path + "[" + i + "]", differences);
            }
            return;
        }
        boolean same = shown.isNumber() ? actual.isNumber() && shown.asText().equals(actual.asText())
                : shown.equals(actual);
        if (!same) {
            differences.add(path + ": " + actual + ", shown " + shown);
        }
    }

    private HttpResponse<String> send(Service service, Example example) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(example.path())))
                .timeout(Duration.ofSeconds(30)).header("Authorization", TOKEN);
        example.headers().forEach(request::header);
        request.method(example.method(), example.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(example.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample data is imported at the command side's first start; the examples begin once all of it is read. */
    private void awaitSampleData(TestDatabase database, Service query) throws Exception {
        Waiting.until(Duration.ofSeconds(180), () -> scalar(database, "select count(*) from events.domain_event_entry "
                + "where payload_type like '%CashDividendRecordedEvent'") == 23);
        awaitCaughtUp(database, query);
    }

    /** Every projection has applied the store's head, and nothing (a process's step) was appended meanwhile. */
    private void awaitCaughtUp(TestDatabase database, Service query) throws Exception {
        Waiting.until(Duration.ofSeconds(120), () -> {
            long head = scalar(database, "select coalesce(max(global_index), 0) from events.domain_event_entry");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(query.url(
                    "/api/v1/admin/projections"))).header("Authorization", TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode status : JSON.readTree(answer.body())) {
                if (status.path("position").asLong() < head) {
                    return false;
                }
            }
            Thread.sleep(300); // a process (transfers, splits) may still be about to write
            return scalar(database, "select coalesce(max(global_index), 0) from events.domain_event_entry") == head;
        });
    }

    private static Map<String, String> environment(TestDatabase database) {
        return Map.of("FINFLOW_DB_URL", database.jdbcUrl(), "FINFLOW_DB_USER", database.username(),
                "FINFLOW_DB_PASSWORD", database.password(), "FINFLOW_OIDC_ISSUER_URI", TestIssuer.shared().uri());
    }

    private static long scalar(TestDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
