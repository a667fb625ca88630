package dev.finflow.query.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.finflow.events.privacy.SealedText;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.eventstore.keys.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where read models meet readers: the tables keep personal text sealed, as the events carry it, and a page is
 * opened on its way out. A value whose person was erased reads {@value SealedText#ERASED}; so nothing a
 * projection stored has to change at an erasure, and a rebuild gives the same rows before and after it.
 */
@Component
public class Unsealing {

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

    /** A stored event's JSON with every sealed text in it opened; JSON without any is returned as it is. */
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
        if (node.isTextual()) {
            return SealedText.parse(node.asText()).isPresent() ? TextNode.valueOf(reader.open(node.asText())) : node;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(opened(reader, field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, opened(reader, array.get(i)));
            }
        }
        return node;
    }
}
