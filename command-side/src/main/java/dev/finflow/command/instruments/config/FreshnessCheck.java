package dev.finflow.command.instruments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.command.instruments.domain.quality.MarketRules;
import dev.finflow.runtime.store.OncePerCluster;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.market.CheckFreshnessCommand;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * The scheduled freshness check: for every registered instrument, the newest bar should be no older than the
 * last trading day before today on its calendar; the aggregate records a {@code PricesWentStaleEvent} when it
 * is (once per newest bar). The instruments are read from the event store's registrations, not a projection.
 * With several replicas the scheduled check runs on the one that takes its lock ({@link OncePerCluster}).
 */
@Component
class FreshnessCheck {

    private static final Logger log = LoggerFactory.getLogger(FreshnessCheck.class);
    private static final ObjectMapper JSON = EventJson.objectMapper();

    private final CommandDispatcher dispatcher;
    private final JdbcTemplate jdbc;
    private final MarketRules market;
    private final InstrumentProperties properties;
    private final OncePerCluster cluster;

    FreshnessCheck(CommandDispatcher dispatcher, JdbcTemplate jdbc, MarketRules market,
                   InstrumentProperties properties, OncePerCluster cluster) {
        this.cluster = cluster;
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.market = market;
        this.properties = properties;
    }

    @Scheduled(cron = "${finflow.instruments.freshness-cron:0 30 6 * * *}",
            zone = "${finflow.instruments.zone:America/New_York}")
    void scheduled() {
        cluster.run("freshness-check", Duration.ofHours(1), Duration.ofMinutes(1),
                () -> run(LocalDate.now(properties.zone())));
    }

    /** Checks every instrument as of {@code today}; answers how many were found stale just now. */
    int run(LocalDate today) {
        int stale = 0;
        MetaData metaData = MetaData.from(Map.of(MetadataKeys.PRINCIPAL, "freshness-check",
                MetadataKeys.CORRELATION_ID, "freshness-" + today, MetadataKeys.SOURCE, "scheduler"));
        for (String payload : jdbc.queryForList("select payload from events.domain_event_entry"
                + " where payload_type = ? order by global_index", String.class,
                InstrumentRegisteredEvent.class.getName())) {
            JsonNode registered = read(payload);
            Symbol symbol = new Symbol(registered.get("symbol").asText());
            LocalDate expected = market.calendarFor(registered.path("exchange").asText(null),
                    InstrumentType.valueOf(registered.get("type").asText())).latestOnOrBefore(today.minusDays(1));
            try {
                boolean recorded = !dispatcher.send(new CheckFreshnessCommand(symbol, today, expected), metaData)
                        .block(Duration.ofSeconds(30)).alreadyDone();
                stale += recorded ? 1 : 0;
            } catch (RuntimeException failed) {
                log.warn("freshness check of {} failed: {}", symbol, failed.toString());
            }
        }
        return stale;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception unreadable) {
            throw new IllegalStateException("unreadable registration " + payload, unreadable);
        }
    }
}
