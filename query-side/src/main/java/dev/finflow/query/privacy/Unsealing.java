package dev.finflow.query.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.finflow.events.privacy.SealedText;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.keys.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Where read models meet readers: the tables keep personal text sealed, as the events carry it, and a page is
 * opened on its way out. A value whose person was erased reads {@value SealedText#ERASED}; so nothing a
 * projection stored has to change at an erasure, and a rebuild gives the same rows before and after it.
 */
@Component
public class Unsealing {

    /** The fields of the shared events that the command side seals: account names, memos, reversal reasons. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("name", "memo", "reason");

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private final PersonalData personalData;

    Unsealing(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** {@code items} with their sealed fields opened by {@code opener} (key look-ups off the event loop). */
    public <T> Mono<List<T>> open(List<T> items, BiFunction<PersonalData.Reader, T, T> opener) {
        return Mono.fromCallable(() -> {
            PersonalData.Reader reader = personalData.reader();
            return items.stream().map(item -> opener.apply(reader, item)).toList();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A stored event's JSON with its personal fields ({@link #PERSONAL_FIELDS}) opened; JSON without a sealed text
     * is returned as it is. Other fields are never opened, even when their text looks sealed (a user id may hold
     * colons: a token copied into one must not decrypt someone else's memo for its reader).
     */
    public static String openJson(PersonalData.Reader reader, String json) {
        if (json == null || !json.contains(SealedText.PREFIX)) {
            return json;
        }
        try {
            return JSON.writeValueAsString(opened(reader, JSON.readTree(json)));
        } catch (JsonProcessingException unreadable) {
            return json;
        }
    }

    private static JsonNode opened(PersonalData.Reader reader, JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual() && PERSONAL_FIELDS.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf(reader.open(value.asText())));
                } else {
                    field.setValue(opened(reader, value));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, opened(reader, array.get(i)));
            }
        }
        return node;
    }
}
