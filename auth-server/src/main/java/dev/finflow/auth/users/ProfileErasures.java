package dev.finflow.auth.users;

import dev.finflow.runtime.keys.KeyDeletions;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Applies erasures to the users table. An erasure is recorded in the event store (a {@code PersonErasedEvent},
 * appended by the command side with the deletion of the person's key) and announced on commit
 * ({@link KeyDeletions}): hearing it, this erases that user's profile; each time it starts listening (at start-up,
 * after a lost connection) it erases every user the store says was erased, so an erasure made while this server
 * was down, or a users table restored from an older backup, is caught up.
 */
@Component
class ProfileErasures implements KeyDeletions.Listener, AutoCloseable {

    private final UserAccounts users;
    private final KeyDeletions deletions;

    ProfileErasures(UserAccounts users, DataSource dataSource) {
        this.users = users;
        this.deletions = new KeyDeletions(dataSource, "finflow-profile-erasures", this);
    }

    @Override
    public void deleted(String personId) {
        users.eraseProfiles(KeyDeletions.EVERY_KEY.equals(personId) ? null : personId);
    }

    @Override
    public void listening(boolean up) {
        if (up) {
            users.eraseProfiles(null);
        }
    }

    @Override
    public void close() {
        deletions.close();
    }
}
