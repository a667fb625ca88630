package dev.finflow.runtime.keys;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The keys an instance seals with, kept in memory (at most {@link #MAX_KEYS}, least recently used first out), so a
 * write does not pay a key look-up. Every deletion of a key is announced by its transaction ({@link KeyDeletions});
 * on commit every instance drops its copy.
 *
 * <p>Only sealing uses this cache; readers always ask the key store, so a read that starts after an erasure never
 * opens anything. A copy an instance still holds in the moment before the announcement arrives can only seal a new
 * text with the erased key, which then reads {@code [erased]}: the same outcome as that write having come just
 * before the erasure. While the listening connection is down (and until it listens again) nothing is cached, and
 * the cache is emptied when it comes back, since announcements made meanwhile were not heard.
 */
final class SealingKeyCache implements KeyDeletions.Listener, AutoCloseable {

    /** About 150 bytes each: at most some 1.5 MB. */
    static final int MAX_KEYS = 10_000;

    private final Map<String, byte[]> keys;
    private final KeyDeletions deletions;
    /** Bumped on every drop: a key read from the store before a drop is not cached after it. */
    private long generation;
    private boolean listening;

    SealingKeyCache(DataSource dataSource, int maxKeys) {
        this.keys = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > maxKeys;
            }
        };
        this.deletions = new KeyDeletions(dataSource, "finflow-sealing-key-cache", this);
    }

    /** The cached key, or {@code load}'s (cached only if no drop came in between and deletions are heard). */
    byte[] get(String personId, Supplier<byte[]> load) {
        long seen;
        synchronized (this) {
            byte[] key = keys.get(personId);
            if (key != null) {
                return key;
            }
            seen = generation;
        }
        byte[] loaded = load.get();
        synchronized (this) {
            if (listening && generation == seen) {
                keys.put(personId, loaded);
            }
        }
        return loaded;
    }

    /** Whether a copy of the person's key is held (for tests). */
    synchronized boolean holds(String personId) {
        return keys.containsKey(personId);
    }

    /** Whether deletions are heard, so keys are cached. */
    synchronized boolean listening() {
        return listening;
    }

    @Override
    public synchronized void deleted(String personId) {
        generation++;
        if (KeyDeletions.EVERY_KEY.equals(personId)) {
            keys.clear();
        } else {
            keys.remove(personId);
        }
    }

    @Override
    public synchronized void listening(boolean up) {
        generation++;
        keys.clear();
        listening = up;
    }

    @Override
    public void close() {
        deletions.close();
    }
}
