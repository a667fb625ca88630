package dev.finflow.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;

/** Reads API responses keeping decimals exactly as sent (8686.20 stays 8686.20, not the double 8686.2). */
public final class Json {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {
    }

    public static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** The decimal at a JSON pointer, as written: "8686.20", "6", or "null". */
    public static String dec(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode()) {
            throw new AssertionError("no " + pointer + " in " + node);
        }
        return value.isNull() ? "null" : value.decimalValue().toPlainString();
    }
}
