package dev.finflow.query.bff.session;

import dev.finflow.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.MapSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser sessions in PostgreSQL: what one instance saves, any instance (or the same after a restart) finds. */
@QuerySideTest
class SessionStoreTest {

    @Autowired
    SessionStore store;

    @Test
    void aSavedSessionIsFoundWithItsAttributesByAnotherReader() {
        MapSession session = store.createSession().block();
        session.setAttribute("tokens", List.of("a", "b"));
        store.save(session).block();

        MapSession found = store.findById(session.getId()).block();

        assertThat(found).isNotNull();
        assertThat((List<String>) found.getAttribute("tokens")).containsExactly("a", "b");
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aNewIdReplacesTheOldOneSoTheOldCookieFindsNothing() {
        MapSession session = store.createSession().block();
        store.save(session).block();
        MapSession loaded = store.findById(session.getId()).block();
        String old = loaded.getId();

        loaded.changeSessionId();
        store.save(loaded).block();

        assertThat(store.findById(old).blockOptional()).isEmpty();
        assertThat(store.findById(loaded.getId()).blockOptional()).isPresent();
    }

    @Test
    void anIdleSessionPastItsTimeoutIsGone() {
        MapSession session = store.createSession().block();
        session.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        store.save(session).block();

        assertThat(store.findById(session.getId()).blockOptional()).isEmpty();
    }

    @Test
    void aDeletedSessionIsGone() {
        MapSession session = store.createSession().block();
        store.save(session).block();

        store.deleteById(session.getId()).block();

        assertThat(store.findById(session.getId()).blockOptional()).isEmpty();
    }
}
