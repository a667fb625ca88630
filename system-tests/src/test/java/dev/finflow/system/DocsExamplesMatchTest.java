package dev.finflow.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link DocsExamplesTest} compares a shown answer with the real one: strict, except where the page says "…". */
class DocsExamplesMatchTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void anAnswerAsShownMatches() throws Exception {
        assertThat(differences("{\"a\":8690.20,\"b\":[1,\"x\"],\"c\":null}", "{\"a\":8690.20,\"b\":[1,\"x\"],\"c\":null}"))
                .isEmpty();
    }

    @Test
    void aDecimalWrittenOtherwiseDiffers() throws Exception {
        assertThat(differences("{\"a\":8690.20}", "{\"a\":8690.2}")).hasSize(1);
        assertThat(differences("{\"a\":10000.00}", "{\"a\":1E+4}")).hasSize(1);
        assertThat(differences("{\"a\":\"5\"}", "{\"a\":5}")).hasSize(1);
    }

    @Test
    void aMissingExtraOrReorderedItemDiffers() throws Exception {
        assertThat(differences("{\"a\":1,\"b\":2}", "{\"a\":1}")).hasSize(1);
        assertThat(differences("{\"a\":1}", "{\"a\":1,\"b\":2}")).hasSize(1);
        assertThat(differences("[1,2]", "[2,1]")).hasSize(2);
        assertThat(differences("[1,2]", "[1,2,3]")).hasSize(1);
    }

    @Test
    void anEllipsisMatchesAnyValueAndATextEndingInOneItsStart() throws Exception {
        assertThat(differences("{\"position\":\"…\",\"id\":\"…\"}", "{\"position\":44,\"id\":{\"x\":1}}")).isEmpty();
        assertThat(differences("{\"detail\":\"low 373.10 > high…\"}", "{\"detail\":\"low 373.10 > high 366.00\"}"))
                .isEmpty();
        assertThat(differences("{\"detail\":\"low 373.10 > high…\"}", "{\"detail\":\"open 370.67\"}")).hasSize(1);
        assertThat(differences("{\"position\":\"…\"}", "{}")).hasSize(1);
    }

    private static List<String> differences(String shown, String actual) throws Exception {
        JsonNode page = JSON.readTree(shown);
        JsonNode answer = JSON.readTree(actual);
        List<String> differences = new ArrayList<>();
        DocsExamplesTest.match(page, answer, "$", differences);
        return differences;
    }
}
