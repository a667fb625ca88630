package dev.finflow.runtime.keys;

import dev.finflow.events.privacy.SealedText;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seals personal text with its person's key before it goes into an event, and opens it for a reader. Sealing is
 * deterministic (AES-GCM with a nonce derived from the text by HMAC, as in SIV): the same text of the same person
 * seals to the same value, so a repeated command still matches the transaction it recorded. That reveals only
 * whether two of one person's texts are equal.
 */
public class PersonalData {

    private static final int NONCE = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Where requests that seal run (a key look-up is blocking JDBC): a pool of their own, so they never queue behind
     * other blocking work on Reactor's shared bounded-elastic pool, nor starve it.
     */
    private static final Scheduler SEALING = Schedulers.newBoundedElastic(32, 100_000, "finflow-sealing", 60, true);

    private final PersonKeys keys;

    public PersonalData(PersonKeys keys) {
        this.keys = keys;
    }

    /** The scheduler for the work of a request that seals personal text. */
    public Scheduler scheduler() {
        return SEALING;
    }

    /** A sealer for one person's texts: their key is looked up (or created) once, at the first text sealed. */
    public Sealer sealer(String personId) {
        return new Sealer(personId, keys);
    }

    /** A reader for one request: each key it meets is looked up once. */
    public Reader reader() {
        return new Reader();
    }

    /** Seals the texts of one person; null stays null. For one request (not shared between threads). */
    public static final class Sealer {

        private final String personId;
        private final PersonKeys keys;
        private byte[] key;

        private Sealer(String personId, PersonKeys keys) {
            this.personId = personId;
            this.keys = keys;
        }

        public String seal(String text) {
            if (text == null) {
                return null;
            }
            if (key == null) {
                key = keys.keyFor(personId);
            }
            byte[] plain = text.getBytes(StandardCharsets.UTF_8);
            byte[] nonce = Arrays.copyOf(hmac(hmac(key, "finflow-nonce".getBytes(StandardCharsets.UTF_8)), plain),
                    NONCE);
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce, personId, plain);
            byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return new SealedText(personId, ENCODER.encodeToString(out)).token();
        }
    }

    /** Opens stored fields: a sealed one to its text, or {@value SealedText#ERASED} once its key is gone. */
    public final class Reader {

        private final Map<String, Optional<byte[]>> found = new HashMap<>();

        private Reader() {
        }

        /** The text of a stored field: plaintext (stored before sealing) as it is, null as null. */
        public String open(String field) {
            Optional<SealedText> sealed = SealedText.parse(field);
            if (sealed.isEmpty()) {
                return field;
            }
            return text(sealed.get()).orElse(SealedText.ERASED);
        }

        /** The text of a sealed value; empty when its key was deleted (or re-created after an erasure). */
        public Optional<String> text(SealedText sealed) {
            Optional<byte[]> key = found.computeIfAbsent(sealed.keyId(), keys::find);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = DECODER.decode(sealed.ciphertext());
            } catch (IllegalArgumentException garbled) {
                return Optional.empty();
            }
            if (bytes.length <= NONCE) {
                return Optional.empty();
            }
            try {
                return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOf(bytes, NONCE),
                        sealed.keyId(), Arrays.copyOfRange(bytes, NONCE, bytes.length)), StandardCharsets.UTF_8));
            } catch (KeyMismatch sealedWithAnotherKey) {
                return Optional.empty();
            }
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, String keyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException wrongKey) {
            throw new KeyMismatch();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** The ciphertext does not belong to this key (the person was erased and has a new key since). */
    private static final class KeyMismatch extends RuntimeException {
        KeyMismatch() {
            super(null, null, false, false);
        }
    }
}
