package dev.finflow.runtime.dispatch;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.common.caching.Cache;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A bounded, least-recently-used cache of loaded aggregates for Axon's caching repositories. Axon's
 * {@code WeakReferenceCache} lets an aggregate go as soon as its command ends, so nearly every command replayed
 * the account from the store; this keeps the most recently used ones, up to a count.
 */
public final class AggregateCache implements Cache {

    // Axon's cache entry keeps the aggregate's version private; StaleCacheCheck compares it with the store.
    private static final Field VERSION;

    static {
        try {
            VERSION = AggregateCacheEntry.class.getDeclaredField("version");
            VERSION.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public AggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).<Object, Object>build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    /** The sequence number of the cached aggregate's last event; null when it is not cached or not yet stored. */
    Long version(Object key) {
        Object entry = entries.get(key);
        if (!(entry instanceof AggregateCacheEntry<?>)) {
            return null;
        }
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
