package dev.finflow.query.bff.session;

import dev.finflow.runtime.store.DatabaseProperties;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Browser sessions in PostgreSQL ({@code query.bff_sessions}), so that every query-side instance knows every
 * session and a restart ends none. The attributes (the sign-in, its tokens, a sign-in in progress) are
 * serialized with Java serialization, as Spring Session's JDBC store does; they are only ever read back from this
 * table, which only this service writes.
 */
public final class SessionStore implements ReactiveSessionRepository<MapSession> {

    /** The session cookie's name (WebFlux's default). */
    public static final String COOKIE = "SESSION";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DatabaseClient db;
    private final String table;
    private final Duration idleTimeout;

    public SessionStore(DatabaseClient db, DatabaseProperties database, BffProperties bff) {
        this.db = db;
        this.table = database.schema() + ".bff_sessions";
        this.idleTimeout = bff.sessionTimeout();
    }

    /** A new session, not stored until it is saved (a request that never signs in leaves no row). */
    @Override
    public Mono<MapSession> createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(idleTimeout);
        return db.sql("delete from " + table + " where expires_at < $1").bind(0, Instant.now()).then()
                .timeout(TIMEOUT).thenReturn(session);
    }

    @Override
    public Mono<Void> save(MapSession session) {
        Mono<Void> renamed = session.getId().equals(session.getOriginalId()) ? Mono.empty()
                : deleteById(session.getOriginalId());
        Instant expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        return renamed.then(db.sql("insert into " + table + " (id, created_at, last_accessed_at, "
                        + "max_inactive_seconds, expires_at, attributes) values ($1, $2, $3, $4, $5, $6) "
                        + "on conflict (id) do update set last_accessed_at = excluded.last_accessed_at, "
                        + "max_inactive_seconds = excluded.max_inactive_seconds, expires_at = excluded.expires_at, "
                        + "attributes = excluded.attributes")
                .bind(0, session.getId())
                .bind(1, session.getCreationTime())
                .bind(2, session.getLastAccessedTime())
                .bind(3, (int) session.getMaxInactiveInterval().toSeconds())
                .bind(4, expires)
                .bind(5, serialize(session))
                .then()
                .timeout(TIMEOUT));
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return db.sql("select * from " + table + " where id = $1 and expires_at > $2")
                .bind(0, id).bind(1, Instant.now())
                .map(SessionStore::session)
                .one()
                .timeout(TIMEOUT);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return db.sql("delete from " + table + " where id = $1").bind(0, id).then().timeout(TIMEOUT);
    }

    private static MapSession session(Readable row) {
        MapSession session = new MapSession(row.get("id", String.class));
        session.setCreationTime(row.get("created_at", Instant.class));
        session.setLastAccessedTime(row.get("last_accessed_at", Instant.class));
        session.setMaxInactiveInterval(Duration.ofSeconds(row.get("max_inactive_seconds", Integer.class)));
        deserialize(row.get("attributes", byte[].class)).forEach(session::setAttribute);
        return session;
    }

    private static byte[] serialize(MapSession session) {
        HashMap<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("a session attribute is not serializable", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored session cannot be read back", e);
        }
    }
}
