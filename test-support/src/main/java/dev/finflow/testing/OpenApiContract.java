package dev.finflow.testing;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.finflow.events.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running service's OpenAPI document as a contract: {@link #call} sends a real request and checks that its status
 * is documented for the operation, that the content type is a documented one, that the body validates against the
 * documented JSON schema and, for a problem, that its {@code rule} is among the operation's documented problem types
 * for that status. {@link #assertKept} then fails on every mismatch, and on any documented status no request
 * produced.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String base;
    private final WebTestClient http;
    private final JsonNode document;
    private final Set<String> called = new TreeSet<>();
    private final List<String> wrong = new ArrayList<>();

    private OpenApiContract(String base, WebTestClient http, JsonNode document) {
        this.base = base;
        this.http = http;
        this.document = document;
    }

    /** Reads the document of the service on {@code port}, without a token (it is public). */
    public static OpenApiContract of(int port) {
        String base = "http://127.0.0.1:" + port;
        WebTestClient http = WebTestClient.bindToServer().baseUrl(base).responseTimeout(WAIT).build();
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return new OpenApiContract(base, http, JSON.readTree(body));
    }

    /** The Swagger UI answers its page without a token. */
    public void assertSwaggerUiOpen() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    public JsonNode document() {
        return document;
    }

    /** Every documented operation as {@code METHOD path}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /** Every documented status of every operation, as {@code METHOD path status}. */
    public Set<String> statuses() {
        Set<String> statuses = new TreeSet<>();
        for (String operation : operations()) {
            operation(operation).get("responses").propertyNames()
                    .forEach(status -> statuses.add(operation + " " + status));
        }
        return statuses;
    }

    /** A request to {@code operation} ({@code METHOD path} as documented), sent to {@code uri}. */
    public Call call(String operation, String uri) {
        assertThat(operations()).as("documented operations").contains(operation);
        return new Call(operation, uri);
    }

    /**
     * For every operation documenting them: 401 without a token, 403 with a token whose only role
     * ({@code metrics}) reads metrics and nothing else, 400 {@code malformed-request} for a body that is not JSON.
     */
    public void callSecurityAndMalformedBodies() {
        for (String operation : operations()) {
            String uri = sampleUri(operation);
            JsonNode responses = operation(operation).get("responses");
            if (responses.has("401")) {
                call(operation, uri).token(null).expect(401);
            }
            if (responses.has("403")) {
                call(operation, uri).as(Role.METRICS).expect(403);
            }
            if (operation(operation).has("requestBody")
                    && problemTypes(operation, "400").contains("malformed-request")) {
                call(operation, uri).as(Role.values()).body("{\"unclosed\": ").expect(400);
            }
        }
    }

    /**
     * Fails on every answer that broke the document, then on a documented status of an operation that no call
     * answered, unless named in {@code notCalled} with its reason.
     */
    public void assertKept(Map<String, String> notCalled) {
        assertThat(wrong).as("answers that break the OpenAPI document").isEmpty();
        Set<String> missing = new TreeSet<>(statuses());
        missing.removeAll(called);
        assertThat(missing).as("documented statuses no request produced (see the reasons named)")
                .isEqualTo(new TreeSet<>(notCalled.keySet()));
    }

    private JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return document.get("paths").get(parts[1]).get(parts[0].toLowerCase());
    }

    private List<String> problemTypes(String operation, String status) {
        JsonNode response = operation(operation).get("responses").get(status);
        List<String> rules = new ArrayList<>();
        if (response != null && response.has("x-problem-types")) {
            response.get("x-problem-types").forEach(rule -> rules.add(rule.asString()));
        }
        return rules;
    }

    /** The path with every {@code {variable}} replaced by {@code x} (security answers before any lookup). */
    private static String sampleUri(String operation) {
        return operation.split(" ", 2)[1].replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
    }

    /** One request, checked against the document when {@link #expect} sends it. */
    public final class Call {

        private final String operation;
        private final String uri;
        private String token = TestIssuer.shared().token(TestTokens.DEFAULT_SUBJECT, Role.values());
        private String body;
        private MediaType contentType = MediaType.APPLICATION_JSON;
        private MediaType accept = MediaType.ALL;
        private final HttpHeaders headers = new HttpHeaders();

        private Call(String operation, String uri) {
            this.operation = operation;
            this.uri = uri;
        }

        /** Sends a token of the default test subject with these roles (all roles unless told). */
        public Call as(Role... roles) {
            return token(TestIssuer.shared().token(TestTokens.DEFAULT_SUBJECT, roles));
        }

        /** Sends this token, or none for null. */
        public Call token(String token) {
            this.token = token;
            return this;
        }

        public Call body(String body) {
            this.body = body;
            return this;
        }

        public Call body(MediaType contentType, String body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        public Call accept(MediaType accept) {
            this.accept = accept;
            return this;
        }

        public Call header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Sends the request and checks the answer against the document; {@link #assertKept} reports mismatches. */
        public void expect(int status) {
            String method = operation.split(" ", 2)[0];
            WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(URI.create(base + uri))
                    .accept(accept).headers(all -> all.addAll(headers));
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            if (body != null) {
                request.contentType(contentType).bodyValue(body);
            }
            FluxExchangeResult<byte[]> result = request.exchange().returnResult(byte[].class);
            MediaType type = result.getResponseHeaders().getContentType();
            boolean stream = type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type);
            String text = "";
            if (stream) {
                result.getResponseBody().subscribe().dispose();
            } else {
                byte[] bytes = result.getResponseBody().reduce(new byte[0], OpenApiContract::concat).block(WAIT);
                text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
            }
            String what = operation + " at " + uri + " -> " + result.getStatus().value() + " " + type + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
            String problem = check(status, result.getStatus().value(), type, stream, text);
            if (problem != null) {
                wrong.add(what + ": " + problem);
            }
        }

        private String check(int status, int actual, MediaType type, boolean stream, String text) {
            if (actual != status) {
                return "expected " + status;
            }
            JsonNode response = operation(operation).get("responses").get(String.valueOf(status));
            if (response == null) {
                return "status not documented";
            }
            called.add(operation + " " + status);
            JsonNode content = response.get("content");
            if (content == null) {
                return text.isEmpty() ? null : "a body, documented without content";
            }
            String documented = documentedType(content, type);
            if (documented == null) {
                return "content type not documented (" + content.propertyNames() + ")";
            }
            if (stream) {
                return null;
            }
            JsonNode schema = content.get(documented).get("schema");
            List<String> values = List.of(text);
            if (MediaType.APPLICATION_NDJSON.isCompatibleWith(type)) {
                // One value per line: an item of the documented array (springdoc documents a Flux as an array).
                values = text.lines().filter(line -> !line.isBlank()).toList();
                schema = schema.has("items") ? schema.get("items") : schema;
            }
            JsonNode json = null;
            for (String value : values) {
                json = JSON.readTree(value);
                List<Error> errors = validate(schema, json);
                if (!errors.isEmpty()) {
                    return "not valid against " + schema + ": " + errors;
                }
            }
            if (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type) && json != null
                    && !problemTypes(operation, String.valueOf(status)).contains(json.path("rule").asString())) {
                return "problem type not documented " + problemTypes(operation, String.valueOf(status));
            }
            return null;
        }
    }

    private static String documentedType(JsonNode content, MediaType type) {
        if (type == null) {
            return null;
        }
        for (String documented : content.propertyNames()) {
            MediaType candidate = MediaType.parseMediaType(documented);
            if (candidate.isCompatibleWith(type) && candidate.getSubtype().equals(type.getSubtype())) {
                return documented;
            }
        }
        return null;
    }

    /** Validates against a schema of the document, its {@code $ref}s resolved against the document's components. */
    private List<Error> validate(JsonNode schema, JsonNode json) {
        ObjectNode root = (ObjectNode) schema.deepCopy();
        root.set("components", document.get("components"));
        return SCHEMAS.getSchema(root).validate(json);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** The handler mappings of an API: {@code METHOD path} pairs under the given prefixes. */
    public static Set<String> mappingsUnder(Set<String> mappings, String... prefixes) {
        return mappings.stream().filter(mapping -> {
            String path = mapping.split(" ", 2)[1];
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }).collect(Collectors.toCollection(TreeSet::new));
    }
}
