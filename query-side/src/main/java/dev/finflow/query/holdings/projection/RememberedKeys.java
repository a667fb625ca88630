package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.Movement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The holding keys' states as this instance's last large batch of one version left them, with the fingerprint of
 * the key table they go with, for the next large batch of that version. A catch-up applies thousands of events at
 * a time and read nearly every key again for each chunk (14 s of PostgreSQL's time in a 1,000,000-event build).
 * <p>
 * They are used only while the key table is exactly as that batch left it: every batch that writes a movement or
 * a history row of a key writes the key too (see {@link AccountMovementsCache}), which gives its row a new
 * {@code xmin}, so any other write since (another instance, a dead letter retried, the batch itself rolled back)
 * changes the fingerprint and the keys are read again. A large batch locks the key table against other writers
 * until it commits, so that nothing can change it between its check and its new fingerprint.
 */
record RememberedKeys(String fingerprint, Map<Movement.Key, HoldingTables.KeyState> states) {

    /** Keys kept at most (a few hundred bytes each); a version with more reads them again. */
    static final int MOST = 200_000;

    /** The states of {@code wanted}: remembered ones, the others read. */
    Map<Movement.Key, HoldingTables.KeyState> load(Collection<Movement.Key> wanted, HoldingTables db) {
        Map<Movement.Key, HoldingTables.KeyState> loaded = new HashMap<>();
        List<Movement.Key> missing = new ArrayList<>();
        for (Movement.Key key : wanted) {
            HoldingTables.KeyState known = states.get(key);
            if (known == null) {
                missing.add(key);
            } else {
                loaded.put(key, known);
            }
        }
        loaded.putAll(db.load(missing));
        return loaded;
    }

    /**
     * What to remember after a batch: {@code before} (may be null) updated with the batch's key states, except the
     * keys it recomputed (their state is their last recomputed row, read again when next wanted). Null when too many.
     */
    static RememberedKeys after(RememberedKeys before, Map<Movement.Key, HoldingTables.KeyState> states,
                                Set<Movement.Key> recomputed, String fingerprint) {
        Map<Movement.Key, HoldingTables.KeyState> remembered = before == null ? new HashMap<>() : before.states;
        remembered.putAll(states);
        remembered.keySet().removeAll(recomputed);
        return remembered.size() > MOST ? null : new RememberedKeys(fingerprint, remembered);
    }
}
