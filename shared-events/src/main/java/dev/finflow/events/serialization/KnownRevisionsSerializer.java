package dev.finflow.events.serialization;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.Objects;

/**
 * Refuses to read a revision of a type that this code does not know (what the upcasters leave differs from the
 * class's {@code @Revision}), instead of reading it as the revision it knows and silently dropping what it does
 * not understand. During a rolling upgrade an old reader meets the new writer's events this way: the projection
 * puts such an event aside as a dead letter and applies it once the upgraded reader retries it.
 */
final class KnownRevisionsSerializer extends JacksonSerializer {

    KnownRevisionsSerializer(Builder builder) {
        super(builder);
    }

    /** As Jackson reads it; metadata in the usual flat form is read by hand ({@link FlatJson}), to the same map. */
    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (serializedObject.getData() instanceof String json
                && SerializedMetaData.isSerializedMetaData(serializedObject)) {
            Map<String, Object> flat = FlatJson.parse(json);
            if (flat != null) {
                return (T) MetaData.from(flat);
            }
        }
        SerializedType type = serializedObject.getType();
        Class<?> known = classForType(type);
        if (known != UnknownSerializedType.class && !SerializedType.emptyType().equals(type)) {
            String revision = getRevisionResolver().revisionOf(known);
            if (!Objects.equals(revision, type.getRevision())) {
                throw UnreadableEventException.revision(type, revision);
            }
        }
        return super.deserialize(serializedObject);
    }
}
