package dev.finflow.runtime.keys;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key store: one random 256-bit data key per person in {@code keys.person_key}, wrapped by the master key
 * (AES-GCM, the person id as associated data, so a wrapped key copied onto another person does not unwrap). The only
 * code that reads or writes that table. A service's instance keeps the keys it seals with in a
 * {@link SealingKeyCache}; every deletion is announced ({@link KeyDeletions}) and they drop their copies.
 */
public class PersonKeys implements AutoCloseable {

    private static final String TABLE = "keys.person_key";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final SecretKeySpec master;
    private final boolean cacheSealingKeys;
    /** Made at the first key sealed with (only the command side seals), so readers hold no listening connection. */
    private SealingKeyCache cache;

    /** Without a cache: every look-up reads the store (tools, such as {@link MasterKeyRotation}). */
    public PersonKeys(DataSource dataSource, KeyProperties properties) {
        this(dataSource, properties, false);
    }

    PersonKeys(DataSource dataSource, KeyProperties properties, boolean cacheSealingKeys) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = new SecretKeySpec(properties.masterKeyBytes(), "AES");
        this.cacheSealingKeys = cacheSealingKeys;
    }

    /**
     * The key to seal the person's texts with, created on first use (a concurrent creation keeps the first one
     * written); from this instance's cache when it has one.
     */
    public byte[] keyFor(String personId) {
        SealingKeyCache keys = sealingKeyCache();
        return keys == null ? findOrCreate(personId) : keys.get(personId, () -> findOrCreate(personId));
    }

    private synchronized SealingKeyCache sealingKeyCache() {
        if (cache == null && cacheSealingKeys) {
            cache = new SealingKeyCache(jdbc.getDataSource(), SealingKeyCache.MAX_KEYS);
        }
        return cache;
    }

    private byte[] findOrCreate(String personId) {
        Optional<byte[]> known = find(personId);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.update("insert into " + TABLE + " (person_id, wrapped_key) values (?, ?) on conflict (person_id) do nothing",
                personId, wrap(personId, key));
        return find(personId).orElseThrow(() -> new IllegalStateException("key of " + personId + " vanished"));
    }

    /** The person's key, always read from the store; empty when they never had one or it was deleted (erased). */
    public Optional<byte[]> find(String personId) {
        List<byte[]> wrapped = jdbc.queryForList("select wrapped_key from " + TABLE + " where person_id = ?",
                byte[].class, personId);
        return wrapped.stream().findFirst().map(bytes -> unwrap(personId, bytes));
    }

    /**
     * Deletes the person's key: from now on nothing sealed with it can be read. Announced to every instance's
     * cache, on commit when a transaction is open. True when there was one.
     */
    public boolean delete(String personId) {
        boolean deleted = jdbc.update("delete from " + TABLE + " where person_id = ?", personId) > 0;
        announce(personId);
        return deleted;
    }

    /** Whether this instance holds a cached copy of the person's key (for tests). */
    synchronized boolean caches(String personId) {
        return cache != null && cache.holds(personId);
    }

    /** Whether this instance caches keys right now (it hears deletions). */
    synchronized boolean caching() {
        return cache != null && cache.listening();
    }

    private void announce(String personId) {
        KeyDeletions.announce(jdbc, personId);
    }

    /**
     * Deletes every key that an erasure recorded in the event store should have deleted: the key of each person
     * with a {@code PersonErasedEvent} that is older than that event. After a restore of the key store from a
     * backup taken before an erasure, this erases the person again; a key created after the erasure (the person
     * wrote again) stays. Answers how many keys it deleted.
     */
    public int reapplyErasures() {
        int deleted = jdbc.update("delete from " + TABLE + " k using events.domain_event_entry e"
                + " where e.payload_type = 'dev.finflow.events.privacy.PersonErasedEvent'"
                + " and e.aggregate_identifier = 'person/' || k.person_id"
                + " and k.created_at <= e.time_stamp::timestamptz");
        if (deleted > 0) {
            announce(KeyDeletions.EVERY_KEY);
        }
        return deleted;
    }

    /**
     * Re-wraps every person's key with {@code next} master key, in one transaction (rows locked, so a key created
     * meanwhile waits and is wrapped by whichever master key its writer holds: run this with the services stopped,
     * or restart them on the new key at once). The data keys themselves stay: the events they sealed are immutable.
     * Answers how many keys it re-wrapped.
     */
    public int rewrap(KeyProperties next) {
        PersonKeys rewrapped = new PersonKeys(jdbc.getDataSource(), next);
        Integer count = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource())).execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("select person_id, wrapped_key from " + TABLE
                    + " for update");
            for (Map<String, Object> row : rows) {
                String personId = (String) row.get("person_id");
                jdbc.update("update " + TABLE + " set wrapped_key = ? where person_id = ?",
                        rewrapped.wrap(personId, unwrap(personId, (byte[]) row.get("wrapped_key"))), personId);
            }
            return rows.size();
        });
        return count == null ? 0 : count;
    }

    @Override
    public synchronized void close() {
        if (cache != null) {
            cache.close();
        }
    }

    private byte[] wrap(String personId, byte[] key) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, personId, nonce, key);
        byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE, sealed.length);
        return out;
    }

    private byte[] unwrap(String personId, byte[] wrapped) {
        return crypt(Cipher.DECRYPT_MODE, personId, Arrays.copyOf(wrapped, NONCE),
                Arrays.copyOfRange(wrapped, NONCE, wrapped.length));
    }

    private byte[] crypt(int mode, String personId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap the key of " + personId + ": is FINFLOW_KEYS_MASTER_KEY "
                    + "the one that wrapped it?", e);
        }
    }
}
