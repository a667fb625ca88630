package dev.finflow.command.ingestion.runs.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.InstrumentCommand;
import dev.finflow.events.values.Symbol;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the instrument made of the bars one run sent for one symbol, counted from the instrument's own events in
 * the event store (never from a projection): kept as accepted or flagged, quarantined, corrections; whatever is
 * left of what was received produced no event, so it was a duplicate.
 */
@Component
class BarOutcomes {

    private static final String QUERY = "select payload_type, payload from events.domain_event_entry"
            + " where aggregate_identifier = ? and payload_type in (?, ?, ?) and payload::jsonb ->> 'runId' = ?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    BarOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(int accepted, int flagged, int rejected, int corrected) {

        int duplicatesOf(int received) {
            return Math.max(0, received - accepted - flagged - rejected - corrected);
        }
    }

    Counts count(Symbol symbol, String runId) {
        int[] counts = new int[4];
        jdbc.query(QUERY, row -> {
            String type = row.getString(1);
            JsonNode payload = read(row.getString(2));
            if (type.equals(BarsIngestedEvent.class.getName())) {
                for (JsonNode bar : payload.path("bars")) {
                    counts["FLAGGED".equals(bar.path("verdict").asText()) ? 1 : 0]++;
                }
            } else if (type.equals(BarsQuarantinedEvent.class.getName())) {
                counts[2] += payload.path("bars").size();
            } else {
                counts[3]++;
            }
        }, InstrumentCommand.instrumentId(symbol), BarsIngestedEvent.class.getName(),
                BarsQuarantinedEvent.class.getName(), BarCorrectedEvent.class.getName(), runId);
        return new Counts(counts[0], counts[1], counts[2], counts[3]);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored event is not JSON", e);
        }
    }
}
