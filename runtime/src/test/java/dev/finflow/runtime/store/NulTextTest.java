package dev.finflow.runtime.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NulTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aNulCharacterBecomesItsVisibleEscape() throws Exception {
        String escaped = NulText.escape("{\"memo\":\"a\\u0000b\"}");

        assertThat(json.readTree(escaped).get("memo").asText()).isEqualTo("a\\u0000b").doesNotContain("\u0000");
    }

    @Test
    void anEscapedBackslashBeforeU0000IsLeftAlone() throws Exception {
        String text = "{\"memo\":\"c:\\\\u0000 and \\\"q\\\"\"}";

        assertThat(NulText.escape(text)).isEqualTo(text);
        assertThat(json.readTree(NulText.escape(text)).get("memo").asText()).isEqualTo("c:\\u0000 and \"q\"");
    }

    @Test
    void textWithoutNulIsReturnedAsItIs() {
        String text = "{\"memo\":\"plain\"}";

        assertThat(NulText.escape(text)).isSameAs(text);
    }
}
