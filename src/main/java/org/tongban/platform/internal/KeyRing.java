package org.tongban.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tongban.shared.DevelopmentKeys;

/**
 * Loads the field-encryption keys (versioned: the newest seals, every known version opens) and the blind-index key. Refuses to start in the {@code production} profile without
 * keys from the environment, and refuses a key that has the wrong length.
 */
@Component
public class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final NavigableMap<Integer, byte[]> fieldKeys = new TreeMap<>();
    private final int currentVersion;
    private final byte[] indexKey;
    private final boolean development;

    public KeyRing(KeyProperties properties, Environment environment) throws IOException {
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        if (StringUtils.hasText(properties.fieldEncryptionKey()) && StringUtils.hasText(properties.blindIndexKey())) {
            this.currentVersion = version(properties.fieldKeyVersion() == null ? 1 : properties.fieldKeyVersion());
            fieldKeys.put(
                    currentVersion, decode(properties.fieldEncryptionKey(), 16, "tongban.keys.field-encryption-key"));
            previous(properties.previousFieldKeys());
            this.indexKey = decode(properties.blindIndexKey(), 32, "tongban.keys.blind-index-key");
            this.development = false;
        } else if (production || !StringUtils.hasText(properties.devKeyFile())) {
            throw new IllegalStateException("Keys for personal data are missing: set TONGBAN_FIELD_KEY (16 bytes) and "
                    + "TONGBAN_INDEX_KEY (32 bytes), base64. The production profile never generates keys.");
        } else {
            var keys = loadOrCreate(Path.of(properties.devKeyFile()));
            fieldKeys.put(1, decode(keys.getProperty("field-encryption-key"), 16, "development field key"));
            // A developer rotates the field key by adding field-encryption-key.2 (3, ...) to the file.
            for (var name : keys.stringPropertyNames()) {
                if (!name.startsWith("field-encryption-key.")) continue;
                var v = version(parseVersion(name.substring("field-encryption-key.".length())));
                fieldKeys.put(v, decode(keys.getProperty(name), 16, "development field key " + v));
            }
            this.currentVersion = fieldKeys.lastKey();
            this.indexKey = decode(keys.getProperty("blind-index-key"), 32, "development index key");
            this.development = true;
        }
    }

    /** The current field key, which seals every new value. */
    public byte[] fieldKeyForPlatform() {
        return Objects.requireNonNull(fieldKeys.get(currentVersion), "the current version is loaded")
                .clone();
    }

    /** The version of the current field key. */
    public int currentFieldKeyVersion() {
        return currentVersion;
    }

    /** The field key of a version, to open what it sealed; fails for a version this node does not know. */
    public byte[] fieldKey(int version) {
        var key = fieldKeys.get(version);
        if (key == null) throw new IllegalStateException("Unknown field key version " + version);
        return key.clone();
    }

    /** The versions this node knows, newest first. */
    public List<Integer> fieldKeyVersions() {
        return List.copyOf(fieldKeys.descendingKeySet());
    }

    public byte[] indexKeyForPlatform() {
        return indexKey.clone();
    }

    /** True when the keys were generated for development; the production profile never allows that. */
    public boolean isDevelopmentKey() {
        return development;
    }

    private static Properties loadOrCreate(Path file) throws IOException {
        var loaded = DevelopmentKeys.loadOrCreate(
                file,
                Map.of("field-encryption-key", 16, "blind-index-key", 32),
                "Tongban DEVELOPMENT keys: generated on first start. Never commit, never use in production.");
        if (loaded.generated()) {
            log.warn(
                    "Generated development keys in {}; production must set TONGBAN_FIELD_KEY and TONGBAN_INDEX_KEY",
                    file);
        }
        return loaded.keys();
    }

    private void previous(@Nullable String list) {
        if (!StringUtils.hasText(list)) return;
        for (var entry : list.split(",")) {
            var parts = entry.strip().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException(
                        "tongban.keys.previous-field-keys: expected version:base64, got an entry without ':'");
            }
            var v = version(parseVersion(parts[0].strip()));
            if (v >= currentVersion) {
                throw new IllegalStateException("tongban.keys.previous-field-keys: version " + v
                        + " is not older than the current field key version " + currentVersion);
            }
            if (fieldKeys.put(v, decode(parts[1], 16, "previous field key " + v)) != null) {
                throw new IllegalStateException("tongban.keys.previous-field-keys: version " + v + " given twice");
            }
        }
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("A field key version must be a number from 1 to 255");
        }
    }

    private static int version(int v) {
        if (v < 1 || v > 255) throw new IllegalStateException("A field key version must be a number from 1 to 255");
        return v;
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
