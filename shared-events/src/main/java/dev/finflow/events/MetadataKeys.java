package dev.finflow.events;

/**
 * The metadata every event carries, by key: who (principal), why (correlation and causation ids), when it was
 * recorded and when it takes effect, and for market data from where (source, ingestion run).
 */
public final class MetadataKeys {

    /** Who asked: the subject of the verified token (an opaque user id or a client id), or the process's name. */
    public static final String PRINCIPAL = "principal";
    /**
     * The service process that sent a command on the principal's behalf ({@code command-side/transfer-process},
     * {@code command-side/ingestion}); absent when the principal's own request caused the event.
     */
    public static final String ACTOR = "actor";
    /**
     * The caller's roles, on a command only (comma-separated claim values from the verified token), so that the
     * aggregate can let an admin act on any account; never copied onto events.
     */
    public static final String CALLER_ROLES = "callerRoles";
    /** The id shared by everything one request set off (from {@code X-Correlation-Id} or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The W3C trace context ({@code 00-<trace id>-<span id>-<flags>}) of the request or handling that caused this
     * message, so that the work of every service it sets off joins one trace.
     */
    public static final String TRACEPARENT = "traceparent";
    /** The id of the message (command or event) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The instant the event was recorded (ISO-8601, UTC). */
    public static final String RECORDED_AT = "recordedAt";
    /** The business date the event takes effect on (ISO date), see {@link EffectiveDated}. */
    public static final String EFFECTIVE_DATE = "effectiveDate";
    /** Where data came from (a provider name, a file, {@code api}). */
    public static final String SOURCE = "source";
    /** The ingestion run that produced a market-data event. */
    public static final String INGESTION_RUN = "ingestionRunId";

    private MetadataKeys() {
    }
}
