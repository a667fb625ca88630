package dev.finflow.runtime.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Base64;

/**
 * The master key that wraps every person's data key ({@code FINFLOW_KEYS_MASTER_KEY}, 32 bytes in base64). The
 * default (also for an empty value) is a published development key: anyone with a database dump and the default
 * can unwrap the keys, so a deployment sets its own and keeps it out of the database's backups.
 *
 * @param masterKey base64 of 32 bytes
 */
@ConfigurationProperties("finflow.keys")
public record KeyProperties(@DefaultValue(DEVELOPMENT_MASTER_KEY) String masterKey) {

    /** For development only (docs/privacy.md). */
    public static final String DEVELOPMENT_MASTER_KEY = "ZmluZmxvdy1kZXZlbG9wbWVudC1tYXN0ZXIta2V5LTE=";

    public KeyProperties {
        if (masterKey == null || masterKey.isBlank()) {
            masterKey = DEVELOPMENT_MASTER_KEY;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("FINFLOW_KEYS_MASTER_KEY (finflow.keys.master-key) is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("FINFLOW_KEYS_MASTER_KEY (finflow.keys.master-key) must be 32 bytes in "
                    + "base64, was " + key.length + " bytes");
        }
    }

    byte[] masterKeyBytes() {
        return Base64.getDecoder().decode(masterKey.strip());
    }
}
