package dev.finflow.query.audit.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.audit.projection.AuditProjection;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import dev.finflow.runtime.keys.PersonalData;
import dev.finflow.query.privacy.Unsealing;
import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail for review: every stored event with all its metadata, filtered, in global order, a page at a
 * time as JSON or streamed as NDJSON ({@code Accept: application/x-ndjson}). Auditors and admins read every event
 * (sign-ins and user management included); owners and viewers only the events of the accounts granted to them,
 * whatever they filter on.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The events as recorded, with who, why and when")
class AuditController {

    /** One event; payload and metadata are the stored JSON as recorded, personal text opened (or [erased]). */
    @Schema(name = "AuditEvent")
    record AuditEvent(long position, String eventId, @Schema(example = "acc-1") String aggregateId, long sequenceNumber,
                      @Schema(example = "CashDepositedEvent") String type, OffsetDateTime recordedAt,
                      @Schema(types = {"string", "null"}) LocalDate effectiveDate,
                      @Schema(types = {"string", "null"}) String principal,
                      @Schema(types = {"string", "null"}) String correlationId,
                      @Schema(types = {"string", "null"}) String causationId,
                      @Schema(types = {"string", "null"}) String source,
                      @Schema(types = {"string", "null"}) String ingestionRunId,
                      @Schema(types = "object", description = "The stored metadata") @JsonRawValue String metaData,
                      @Schema(types = "object", description = "The stored event") @JsonRawValue String payload) {
    }

    @Schema(name = "AuditPage")
    record Page(List<AuditEvent> items, @Schema(types = {"string", "null"}) String nextCursor) {
    }

    private record Filter(String aggregate, String type, String principal, String correlationId, Instant from,
                          Instant to, long after) {
    }

    /** Events of a stream opened together (their keys looked up once). */
    private static final int OPENED_AT_ONCE = 200;

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final AccountAccess access;
    private final Unsealing unsealing;

    AuditController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites,
                    AccountAccess access, Unsealing unsealing) {
        this.unsealing = unsealing;
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
        this.access = access;
    }

    @Operation(summary = "Audit trail", description = "Events in the order recorded, filtered by aggregate, type, "
            + "principal, correlation id and recording instants; as JSON pages, or (Accept: application/x-ndjson) "
            + "as a stream of one event per line. Owners and viewers see their granted accounts' events only.")
    @Raises({"invalid-date", "invalid-limit", "invalid-cursor", "invalid-position", "projection-behind"})
    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Page> page(@RequestParam(required = false) String aggregate, @RequestParam(required = false) String type,
                    @RequestParam(required = false) String principal,
                    @RequestParam(required = false) String correlationId,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) String minPosition) {
        Filter filter = filter(aggregate, type, principal, correlationId, from, to, cursor);
        int size = Params.limit(limit);
        return readYourWrites.await(AuditProjection.NAME, Params.minPosition(minPosition))
                .then(access.auditedAccounts(Params.minPosition(minPosition)))
                .flatMap(accounts -> query(filter, accounts, size + 1).collectList())
                .flatMap(rows -> unsealing.open(rows.stream().limit(size).toList(), AuditController::opened)
                        .map(page -> new Page(page,
                                rows.size() > size ? Long.toString(page.get(size - 1).position()) : null)));
    }

    /** The same events as a stream, one JSON object per line, without a page limit unless one is given. */
    @Operation(summary = "Audit trail", description = "Events in the order recorded, filtered by aggregate, type, "
            + "principal, correlation id and recording instants; as JSON pages, or (Accept: application/x-ndjson) "
            + "as a stream of one event per line. Owners and viewers see their granted accounts' events only.")
    @Raises({"invalid-date", "invalid-limit", "invalid-cursor", "invalid-position", "projection-behind"})
    @GetMapping(path = "/events", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AuditEvent> stream(@RequestParam(required = false) String aggregate,
                            @RequestParam(required = false) String type,
                            @RequestParam(required = false) String principal,
                            @RequestParam(required = false) String correlationId,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String limit,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) String minPosition) {
        Filter filter = filter(aggregate, type, principal, correlationId, from, to, cursor);
        int size = limit == null ? Integer.MAX_VALUE : Params.limit(limit);
        return readYourWrites.await(AuditProjection.NAME, Params.minPosition(minPosition))
                .then(access.auditedAccounts(Params.minPosition(minPosition)))
                .flatMapMany(accounts -> query(filter, accounts, size))
                .buffer(OPENED_AT_ONCE).concatMap(events -> unsealing.open(events, AuditController::opened))
                .flatMapIterable(events -> events);
    }

    private static AuditEvent opened(PersonalData.Reader reader, AuditEvent e) {
        return new AuditEvent(e.position(), e.eventId(), e.aggregateId(), e.sequenceNumber(), e.type(), e.recordedAt(),
                e.effectiveDate(), e.principal(), e.correlationId(), e.causationId(), e.source(), e.ingestionRunId(),
                e.metaData(), Unsealing.openJson(reader, e.payload()));
    }

    private static Filter filter(String aggregate, String type, String principal, String correlationId, String from,
                                 String to, String cursor) {
        return new Filter(aggregate, type, principal, correlationId, Params.instant(from, "from"),
                Params.instant(to, "to"), Params.cursor(cursor));
    }

    /** {@code accounts}: the accounts whose events the caller may read, or empty for all events. */
    private Flux<AuditEvent> query(Filter filter, Optional<List<String>> accounts, int limit) {
        if (accounts.isPresent() && accounts.get().isEmpty()) {
            return Flux.empty();
        }
        TableSet tables = catalog.tables(AuditProjection.NAME);
        List<String> where = new ArrayList<>(List.of("position > :after"));
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("after", filter.after());
        add(where, binds, "aggregate_id = any(:accounts)", "accounts",
                accounts.map(ids -> ids.toArray(String[]::new)).orElse(null));
        add(where, binds, "aggregate_id = :aggregate", "aggregate", filter.aggregate());
        add(where, binds, "event_type = :type", "type", filter.type());
        add(where, binds, "principal = :principal", "principal", filter.principal());
        add(where, binds, "correlation_id = :correlation", "correlation", filter.correlationId());
        add(where, binds, "recorded_at >= :from", "from", filter.from() == null ? null
                : filter.from().atOffset(java.time.ZoneOffset.UTC));
        add(where, binds, "recorded_at < :to", "to", filter.to() == null ? null
                : filter.to().atOffset(java.time.ZoneOffset.UTC));
        DatabaseClient.GenericExecuteSpec spec = db.sql("select * from " + tables.name(AuditProjection.EVENTS)
                + " where " + String.join(" and ", where) + " order by position"
                + (limit == Integer.MAX_VALUE ? "" : " limit " + limit));
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(AuditController::event).all();
    }

    private static void add(List<String> where, Map<String, Object> binds, String condition, String name,
                            Object value) {
        if (value != null) {
            where.add(condition);
            binds.put(name, value);
        }
    }

    private static AuditEvent event(Readable row) {
        return new AuditEvent(row.get("position", Long.class), row.get("event_id", String.class),
                row.get("aggregate_id", String.class), row.get("sequence_number", Long.class),
                row.get("event_type", String.class), row.get("recorded_at", OffsetDateTime.class),
                row.get("effective_date", LocalDate.class), row.get("principal", String.class),
                row.get("correlation_id", String.class), row.get("causation_id", String.class),
                row.get("source", String.class), row.get("ingestion_run_id", String.class),
                row.get("meta_data", String.class), row.get("payload", String.class));
    }
}
