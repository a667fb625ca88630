package dev.finflow.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.serialization.EventJson;

import java.util.List;

/**
 * How far a processor has applied the store, read from its stored tokens (one per segment): the highest position
 * P such that every event up to P is applied in every segment. A gap-aware token at index I with gaps G has
 * applied everything below min(G) and up to I otherwise.
 */
public final class TokenPositions {

    /** No segment has stored a token yet (or one segment has none): nothing is known to be applied. */
    public static final long NONE = -1;

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private TokenPositions() {
    }

    /** The contiguous applied position over all segments' tokens (JSON text, null for a segment at its start). */
    public static long appliedThrough(List<String> tokens) {
        if (tokens.isEmpty()) {
            return NONE;
        }
        long through = Long.MAX_VALUE;
        for (String token : tokens) {
            through = Math.min(through, appliedThrough(token));
        }
        return through;
    }

    public static long appliedThrough(String token) {
        if (token == null || token.isBlank()) {
            return NONE;
        }
        try {
            JsonNode node = JSON.readTree(token);
            long index = node.path("index").asLong(NONE);
            long through = index;
            for (JsonNode gap : node.path("gaps")) {
                through = Math.min(through, gap.asLong() - 1);
            }
            return through;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable token " + token, e);
        }
    }
}
