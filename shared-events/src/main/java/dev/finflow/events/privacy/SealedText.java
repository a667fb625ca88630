package dev.finflow.events.privacy;

import java.util.Optional;

/**
 * Personal text (an account name, a memo, a reversal reason) as events carry it: encrypted with the key of the
 * person it belongs to, written into the event's string field as {@code sealed:v1:<keyId>:<ciphertext>}. The key id
 * is the person's id (the principal who wrote the text); the ciphertext is base64url of AES-GCM's nonce, ciphertext
 * and tag. A string without the prefix is plaintext stored before sealing existed (not erasable).
 *
 * @param keyId      the person whose key sealed the text
 * @param ciphertext base64url (no padding) of nonce, ciphertext and tag
 */
public record SealedText(String keyId, String ciphertext) {

    public static final String PREFIX = "sealed:v1:";

    /** What readers show where a sealed value's key was deleted. */
    public static final String ERASED = "[erased]";

    public SealedText {
        if (keyId == null || keyId.isEmpty() || ciphertext == null || ciphertext.isEmpty()) {
            throw new IllegalArgumentException("a sealed text needs a key id and a ciphertext");
        }
    }

    /** The sealed text in a stored string field, or empty for plaintext (and null). */
    public static Optional<SealedText> parse(String field) {
        if (field == null || !field.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int split = field.lastIndexOf(':');
        if (split <= PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(new SealedText(field.substring(PREFIX.length(), split), field.substring(split + 1)));
    }

    /** The form stored in an event's string field. */
    public String token() {
        return PREFIX + keyId + ":" + ciphertext;
    }

    @Override
    public String toString() {
        return token();
    }
}
