package dev.finflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures projection lag: appends deposits to one probe account (noting when each committed) and watches the
 * projection's stored tokens; an event's lag is the time from its commit until the token shows it applied.
 */
final class LagProbe {

    private static final Pattern INDEX = Pattern.compile("\"index\":(\\d+)");
    private static final Pattern GAPS = Pattern.compile("\"gaps\":\\[([^]]*)]");

    private final Connection writer;
    private final Connection reader;
    private final String projection;
    private final String account = "lag-" + UUID.randomUUID().toString().substring(0, 8);
    private final ConcurrentSkipListMap<Long, Long> committed = new ConcurrentSkipListMap<>();
    private final LatencyRecorder lags = new LatencyRecorder();
    private long sequence;

    LagProbe(Connection writer, Connection reader, String projection) {
        this.writer = writer;
        this.reader = reader;
        this.projection = projection;
    }

    synchronized void write() {
        try (PreparedStatement insert = writer.prepareStatement("insert into events.domain_event_entry "
                + "(aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, "
                + "payload_revision, payload_type, time_stamp) values (?, ?, 'Account', ?, ?, ?, '1', ?, ?) "
                + "returning global_index")) {
            String day = LocalDate.of(2025, 1, 1).plusDays(sequence / 100).toString();
            String now = Instant.now().toString();
            insert.setString(1, account);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, "{\"principal\":\"lag-probe\",\"recordedAt\":\"" + now + "\",\"effectiveDate\":\""
                    + day + "\"}");
            if (sequence == 0) {
                insert.setString(5, "{\"accountId\":\"" + account + "\",\"name\":\"Probe\",\"currency\":\"EUR\","
                        + "\"overdraftLimit\":0,\"openedOn\":\"" + day + "\"}");
                insert.setString(6, "dev.finflow.events.ledger.AccountOpenedEvent");
            } else {
                insert.setString(5, "{\"accountId\":\"" + account + "\",\"transactionId\":\"p" + sequence
                        + "\",\"amount\":{\"amount\":1.00,\"currency\":\"EUR\"},\"bookingDate\":\"" + day + "\","
                        + "\"legs\":[{\"type\":\"CASH\",\"asset\":\"EUR\",\"quantity\":1.00,\"amount\":1.00},"
                        + "{\"type\":\"EXTERNAL\",\"asset\":\"EUR\",\"quantity\":-1.00,\"amount\":-1.00}]}");
                insert.setString(6, "dev.finflow.events.ledger.CashDepositedEvent");
            }
            insert.setString(7, now);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                committed.put(rs.getLong(1), System.nanoTime());
            }
            sequence++;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void observe() throws Exception {
        long applied = Long.MAX_VALUE;
        int segments = 0;
        try (PreparedStatement query = reader.prepareStatement("select t.token from query.token_entry t join "
                + "query.projection_version v on t.processor_name = v.name || '@v' || v.active_version where v.name = ?")) {
            query.setString(1, projection);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    segments++;
                    applied = Math.min(applied, appliedThrough(rs.getString(1)));
                }
            }
        }
        if (segments == 0) {
            return;
        }
        long now = System.nanoTime();
        Map<Long, Long> done = committed.headMap(applied, true);
        done.values().forEach(at -> lags.record(now - at));
        done.clear();
    }

    int pending() {
        return committed.size();
    }

    long[] lags() {
        return LatencyRecorder.merged(java.util.List.of(lags));
    }

    private static long appliedThrough(String token) {
        if (token == null) {
            return -1;
        }
        Matcher index = INDEX.matcher(token);
        long through = index.find() ? Long.parseLong(index.group(1)) : -1;
        Matcher gaps = GAPS.matcher(token);
        if (gaps.find() && !gaps.group(1).isBlank()) {
            for (String gap : gaps.group(1).split(",")) {
                through = Math.min(through, Long.parseLong(gap.trim()) - 1);
            }
        }
        return through;
    }
}
