package dev.finflow.command.api;

import dev.finflow.events.MetadataKeys;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/**
 * Who sent a request and which correlation it belongs to; becomes the metadata of every event it causes.
 *
 * @param principal     the verified token's subject: an opaque user id, or a script client's id
 * @param correlationId the {@code X-Correlation-Id} header, else a new id (echoed in the response)
 * @param roles         the token's roles as claim values, comma-separated; on the command only, for the
 *                      aggregate to decide (an admin may grant on any account), never copied onto events
 */
public record RequestMetadata(String principal, String correlationId, String roles) {

    public MetaData toMetaData() {
        return MetaData.from(Map.of(MetadataKeys.PRINCIPAL, principal,
                MetadataKeys.CORRELATION_ID, correlationId,
                MetadataKeys.SOURCE, "api",
                MetadataKeys.CALLER_ROLES, roles));
    }
}
