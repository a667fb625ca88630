package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.forecasting.config.ForecastingProperties;
import dev.finflow.runtime.store.SchemaMigrations;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Splits the symbols between ml-projector replicas, so that each symbol is trained and forecast by one of them.
 * Instances heartbeat in {@code ml.forecaster_instance}; each symbol is assigned by a hash to one of the live
 * instances (sorted by id), and the assignee must also hold the symbol's claim in {@code ml.symbol_claim}
 * (taken or renewed right before each use, for {@link #LEASE}) before it touches the symbol. The hash spreads the
 * work; the claim makes it exclusive while instances join or leave and briefly disagree about who is live. An
 * instance that dies leaves its symbols when its claims expire; one that stops lets go at once.
 */
@Component
class SymbolClaims {

    static final Duration LEASE = Duration.ofMinutes(2);

    private static final String CLAIM = "insert into ml.symbol_claim as c (symbol, owner, claimed_until)"
            + " values (?, ?, now() + make_interval(secs => ?)) on conflict (symbol) do update"
            + " set owner = excluded.owner, claimed_until = excluded.claimed_until"
            + " where c.owner = excluded.owner or c.claimed_until < now()";

    private final JdbcTemplate jdbc;
    private final ProcessorState processors;
    private final String instance;
    private final double aliveSeconds;

    SymbolClaims(SchemaMigrations migrated, JdbcTemplate jdbc, ProcessorState processors,
                 ForecastingProperties properties, @Value("${finflow.ml.instance-id:}") String instanceId) {
        this.jdbc = jdbc;
        this.processors = processors;
        this.instance = instanceId.isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : instanceId;
        // Missing three cycles (and ten seconds) means gone.
        this.aliveSeconds = properties.interval().multipliedBy(3).plusSeconds(10).toMillis() / 1000.0;
        heartbeat();
    }

    /** Tells the others this instance is alive and whether the feature projection is live here. */
    void heartbeat() {
        jdbc.update("insert into ml.forecaster_instance (instance_id, seen_at, features_live) values (?, now(), ?)"
                + " on conflict (instance_id) do update set seen_at = now(), features_live = excluded.features_live",
                instance, processors.live());
    }

    /**
     * Whether the feature projection is live: here, or at the instance that runs it (a projection runs on one
     * instance; the others read its tables), as of that instance's last heartbeat.
     */
    boolean featuresLive() {
        return processors.live() || Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from"
                + " ml.forecaster_instance where features_live and seen_at > now() - make_interval(secs => ?))",
                Boolean.class, aliveSeconds));
    }

    /** The symbols assigned to this instance among {@code symbols}; claims it holds on the others are released. */
    List<String> assigned(List<String> symbols) {
        List<String> live = jdbc.queryForList("select instance_id from ml.forecaster_instance"
                + " where seen_at > now() - make_interval(secs => ?) order by instance_id", String.class, aliveSeconds);
        int me = Math.max(0, live.indexOf(instance));
        int instances = Math.max(1, live.size());
        List<String> mine = symbols.stream().filter(symbol -> slot(symbol, instances) == me).toList();
        List<String> others = symbols.stream().filter(symbol -> slot(symbol, instances) != me).toList();
        if (!others.isEmpty()) {
            jdbc.update("delete from ml.symbol_claim where owner = ? and symbol = any(?)", instance,
                    others.toArray(String[]::new));
        }
        return mine;
    }

    /** Takes or renews the claim on {@code symbol}; false while another instance holds it. */
    boolean hold(String symbol) {
        return jdbc.update(CLAIM, symbol, instance, (double) LEASE.toSeconds()) == 1;
    }

    String instance() {
        return instance;
    }

    @PreDestroy
    void leave() {
        jdbc.update("delete from ml.symbol_claim where owner = ?", instance);
        jdbc.update("delete from ml.forecaster_instance where instance_id = ?", instance);
    }

    /** A hash that spreads ticker symbols evenly (String.hashCode does not: most short tickers are even). */
    private static int slot(String symbol, int instances) {
        CRC32 crc = new CRC32();
        crc.update(symbol.getBytes(StandardCharsets.UTF_8));
        return (int) Math.floorMod(crc.getValue(), (long) instances);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            return "ml-projector";
        }
    }
}
