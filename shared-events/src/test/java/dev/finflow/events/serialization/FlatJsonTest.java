package dev.finflow.events.serialization;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metadata read by hand is what Jackson reads, value types included; every form the hand reading does not take
 * still reads as Jackson reads it.
 */
class FlatJsonTest {

    private static final Serializer JACKSON = JacksonSerializer.builder().objectMapper(EventJson.objectMapper())
            .build();
    private static final Serializer EVENTS = EventJson.serializer();

    @Test
    void readsStoredMetadataAsJacksonDoes() {
        SplittableRandom random = new SplittableRandom(11);
        String[] pieces = {"a", "Zürich", "€", "💶", " ", "'", "2026-12-07T06:00:00.123Z", "-", "{", "}", ",", ":",
                "[1]", "null", "true", "0", "7", "é"};
        long[] numbers = {0, 1, -1, 9, 10, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L,
                Integer.MIN_VALUE - 1L, 999_999_999_999_999_999L, -999_999_999_999_999_999L, 1_000_000};
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> members = new LinkedHashMap<>();
            int size = random.nextInt(9);
            for (int m = 0; m < size; m++) {
                StringBuilder key = new StringBuilder();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    key.append(pieces[random.nextInt(pieces.length)]);
                }
                Object value;
                if (random.nextInt(3) == 0) {
                    value = random.nextBoolean() ? numbers[random.nextInt(numbers.length)] : random.nextLong();
                } else {
                    StringBuilder text = new StringBuilder();
                    for (int k = random.nextInt(5); k > 0; k--) {
                        text.append(pieces[random.nextInt(pieces.length)]);
                    }
                    value = text.toString();
                }
                members.put(key.toString(), value);
            }
            String json = JACKSON.serialize(MetaData.from(members), String.class).getData();
            assertSameAsJackson(json);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"globalIndex\":12}", "{\"a\":\"b\",\"a\":\"c\"}", "{\"n\":2147483648}",
            "{\"n\":-2147483649}", "{\"n\":123456789012345678}", "{\"n\":-0}"})
    void readsTheFlatFormByHand(String json) {
        assertThat(FlatJson.parse(json)).isNotNull();
        assertSameAsJackson(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ \"a\":\"b\"}", "{\"a\":\"b\\\"c\"}", "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":true}",
            "{\"a\":null}", "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":01}", "{\"a\":12345678901234567890}",
            "{\"a\":\"b\",}", "{\"a\"}", "{\"a\":}", "{\"a\":-}", "{\"a\":\"b\"\"c\":1}", "{\"a\":\"\u0001\"}"})
    void leavesEveryOtherFormToJackson(String json) {
        assertThat(FlatJson.parse(json)).isNull();
        if (json.contains(".") || json.contains("e3") || json.contains("true") || json.contains("null")
                || json.startsWith("{ ") || json.contains("\\\"") || json.contains("{\"b") || json.contains("[")
                || json.contains("12345678901234567890")) {
            assertSameAsJackson(json); // valid JSON: still read, by Jackson
        }
    }

    private static void assertSameAsJackson(String json) {
        MetaData expected = JACKSON.deserialize(new SerializedMetaData<>(json, String.class));
        MetaData actual = EVENTS.deserialize(new SerializedMetaData<>(json, String.class));
        assertThat(actual).as(json).isEqualTo(expected);
        expected.forEach((key, value) -> assertThat(actual.get(key) == null ? null : actual.get(key).getClass())
                .as(json + " " + key).isEqualTo(value == null ? null : value.getClass()));
    }
}
