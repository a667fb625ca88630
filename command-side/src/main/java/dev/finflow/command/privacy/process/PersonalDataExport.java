package dev.finflow.command.privacy.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.privacy.SealedText;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.keys.PersonalData;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything stored about a person, decrypted: each value in the event store sealed with their key, with the event
 * and field it sits in, and their sign-in profile at the auth server ({@link SignInProfile}). Reads the whole store (a scan of {@code events.domain_event_entry} for the person's key id),
 * which is what an export is for; it is not a hot path.
 */
@Component
public class PersonalDataExport {

    /** One stored value: where it is and what it says ({@value SealedText#ERASED} once the person was erased). */
    record Item(long position, String eventId, String aggregateId, String type, String recordedAt, String field,
                String value) {
    }

    public record Export(String personId,
                  @Schema(types = {"object", "null"}, description = "What the auth server stores to sign the person "
                          + "in; null when it has no such user (or another OIDC provider signs people in)")
                  SignInProfile.Profile signIn,
                  List<Item> items) {
    }

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private final JdbcTemplate jdbc;
    private final PersonalData personalData;
    private final SignInProfile signIn;

    PersonalDataExport(DataSource dataSource, PersonalData personalData, SignInProfile signIn) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500);
        this.personalData = personalData;
        this.signIn = signIn;
    }

    public Export of(String personId) {
        String marker = SealedText.PREFIX + personId + ":";
        PersonalData.Reader reader = personalData.reader();
        List<Item> items = new ArrayList<>();
        jdbc.query("select global_index, event_identifier, aggregate_identifier, payload_type, time_stamp, payload"
                + " from events.domain_event_entry where strpos(payload, ?) > 0 order by global_index", row -> {
            JsonNode payload;
            try {
                payload = JSON.readTree(row.getString("payload"));
            } catch (Exception unreadable) {
                return;
            }
            String type = row.getString("payload_type");
            List<Map.Entry<String, SealedText>> found = new ArrayList<>();
            collect("", payload, personId, found);
            for (Map.Entry<String, SealedText> value : found) {
                items.add(new Item(row.getLong("global_index"), row.getString("event_identifier"),
                        row.getString("aggregate_identifier"), type.substring(type.lastIndexOf('.') + 1),
                        row.getString("time_stamp"), value.getKey(),
                        reader.text(value.getValue()).orElse(SealedText.ERASED)));
            }
        }, marker);
        return new Export(personId, signIn.of(personId).orElse(null), items);
    }

    /** Every text of the JSON tree sealed with the person's key, by its field path. */
    private static void collect(String path, JsonNode node, String personId, List<Map.Entry<String, SealedText>> out) {
        if (node.isTextual()) {
            Optional<SealedText> sealed = SealedText.parse(node.asText());
            sealed.filter(value -> value.keyId().equals(personId)).ifPresent(value -> out.add(Map.entry(path, value)));
        } else if (node.isObject()) {
            node.properties().forEach(field -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), personId, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), personId, out);
            }
        }
    }
}
