package dev.finflow.query.bars.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.market.Finding;
import dev.finflow.events.serialization.EventJson;

import java.util.List;

/**
 * Values kept as JSON text in market read tables (findings, a quarantined bar's raw fields, a run's symbols):
 * they are only ever shown whole, so one column beats a child table, and one row per bar keeps bulk imports to
 * one row per bar.
 */
public final class JsonText {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final TypeReference<List<Finding>> LIST = new TypeReference<>() {
    };

    private JsonText() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    public static List<Finding> findings(String json) {
        if (json == null || json.equals("[]")) {
            return List.of(); // most bars: no parser for them (a 10-year page has 2,520)
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable findings " + json, e);
        }
    }
}
