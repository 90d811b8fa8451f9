package org.tongban.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tongban.shared.DevelopmentKeys;

/**
 * Loads the field-encryption and blind-index keys. Refuses to start in the {@code production} profile without
 * keys from the environment, and refuses a key that has the wrong length.
 */
@Component
public class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final byte[] fieldKey;
    private final byte[] indexKey;
    private final boolean development;

    KeyRing(KeyProperties properties, Environment environment) throws IOException {
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        if (StringUtils.hasText(properties.fieldEncryptionKey()) && StringUtils.hasText(properties.blindIndexKey())) {
            this.fieldKey = decode(properties.fieldEncryptionKey(), 16, "tongban.keys.field-encryption-key");
            this.indexKey = decode(properties.blindIndexKey(), 32, "tongban.keys.blind-index-key");
            this.development = false;
        } else if (production || !StringUtils.hasText(properties.devKeyFile())) {
            throw new IllegalStateException("Keys for personal data are missing: set TONGBAN_FIELD_KEY (16 bytes) and "
                    + "TONGBAN_INDEX_KEY (32 bytes), base64. The production profile never generates keys.");
        } else {
            var keys = loadOrCreate(Path.of(properties.devKeyFile()));
            this.fieldKey = decode(keys.getProperty("field-encryption-key"), 16, "development field key");
            this.indexKey = decode(keys.getProperty("blind-index-key"), 32, "development index key");
            this.development = true;
        }
    }

    public byte[] fieldKeyForPlatform() {
        return fieldKey.clone();
    }

    public byte[] indexKeyForPlatform() {
        return indexKey.clone();
    }

    /** True when the keys were generated for development; the production profile never allows that. */
    public boolean isDevelopmentKey() {
        return development;
    }

    private static Properties loadOrCreate(Path file) throws IOException {
        var loaded = DevelopmentKeys.loadOrCreate(file, Map.of("field-encryption-key", 16, "blind-index-key", 32),
                "Tongban DEVELOPMENT keys: generated on first start. Never commit, never use in production.");
        if (loaded.generated()) {
            log.warn("Generated development keys in {}; production must set TONGBAN_FIELD_KEY and TONGBAN_INDEX_KEY", file);
        }
        return loaded.keys();
    }

    private static byte[] decode(String base64, int length, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (key.length != length) {
            throw new IllegalStateException(name + " must be " + length + " bytes, got " + key.length);
        }
        return key;
    }
}
