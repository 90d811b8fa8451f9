package org.tongban.licenses.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tongban.shared.DevelopmentKeys;
import org.tongban.shared.GmCrypto;

/**
 * The master key that wraps the signing keys (SM4, 16 bytes). From {@code tongban.licenses.master-key}
 * ({@code TONGBAN_LICENCE_MASTER_KEY}); in the default profile, when none is given, a development key generated once
 * under the data directory, as the platform does for its field keys. The production profile never generates one.
 * Versioned: {@code master-key-version} names the current key, {@code previous-master-keys} the older ones, whose
 * wrapped signing keys {@link SoftwareKeyStore} rewraps with the current key at start-up (a developer adds
 * {@code licence-master-key.2} to the development file).
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final String CONTEXT = "tongban.licenses.signing-key";

    private final java.util.NavigableMap<Integer, byte[]> keys = new java.util.TreeMap<>();
    private final int current;
    private final boolean development;

    MasterKey(LicenseProperties properties, Environment environment) throws IOException {
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        if (StringUtils.hasText(properties.masterKey())) {
            this.current = version(properties.masterKeyVersion());
            keys.put(current, decode(properties.masterKey()));
            if (StringUtils.hasText(properties.previousMasterKeys())) {
                for (var entry : properties.previousMasterKeys().split(",")) {
                    var parts = entry.strip().split(":", 2);
                    if (parts.length != 2)
                        throw new IllegalStateException(
                                "tongban.licenses.previous-master-keys: expected version:base64");
                    int v = version(parse(parts[0].strip()));
                    if (v >= current || keys.put(v, decode(parts[1])) != null) {
                        throw new IllegalStateException("tongban.licenses.previous-master-keys: version " + v
                                + " must be older than " + current + " and given once");
                    }
                }
            }
            this.development = false;
        } else if (production || !StringUtils.hasText(properties.devKeyFile())) {
            throw new IllegalStateException(
                    "The license master key is missing: set TONGBAN_LICENCE_MASTER_KEY (16 bytes, "
                            + "base64). The production profile never generates keys.");
        } else {
            var file = loadOrCreate(Path.of(properties.devKeyFile()));
            keys.put(1, decode(file.getProperty("licence-master-key")));
            for (var name : file.stringPropertyNames()) {
                if (name.startsWith("licence-master-key.")) {
                    keys.put(
                            version(parse(name.substring("licence-master-key.".length()))),
                            decode(file.getProperty(name)));
                }
            }
            this.current = keys.lastKey();
            this.development = true;
        }
    }

    /** Whether this is a generated development key. */
    boolean development() {
        return development;
    }

    /** The version of the current master key, which wraps every new signing key. */
    int version() {
        return current;
    }

    /** Whether this node knows the master key of a version. */
    boolean knows(int version) {
        return keys.containsKey(version);
    }

    /** SM4-GCM under the current master key, the key id bound as associated data; store {@link #version()} beside it. */
    byte[] wrap(byte[] secret, String kid) {
        return GmCrypto.sm4GcmEncrypt(
                Objects.requireNonNull(keys.get(current), "the current key is one of the keys"),
                secret,
                (CONTEXT + ":" + kid).getBytes(StandardCharsets.UTF_8));
    }

    /** Unwraps what the master key of {@code version} wrapped. */
    byte[] unwrap(byte[] wrapped, String kid, int version) {
        return GmCrypto.sm4GcmDecrypt(key(version), wrapped, (CONTEXT + ":" + kid).getBytes(StandardCharsets.UTF_8));
    }

    /** A check value of the current key (HMAC-SM3 of a constant), to recognise the key a key store was made with. */
    byte[] checkValue() {
        return checkValue(current);
    }

    byte[] checkValue(int version) {
        return GmCrypto.hmacSm3(key(version), "tongban license master key check".getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key(int version) {
        var key = keys.get(version);
        if (key == null)
            throw new IllegalStateException("This node does not know license master key version " + version);
        return key;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("A master key version must be a number from 1 to 255");
        }
    }

    private static int version(int v) {
        if (v < 1 || v > 255) throw new IllegalStateException("A master key version must be a number from 1 to 255");
        return v;
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tongban.licenses.master-key is not valid base64");
        }
        if (bytes.length != GmCrypto.SM4_KEY_LENGTH) {
            throw new IllegalStateException("tongban.licenses.master-key must be 16 bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static java.util.Properties loadOrCreate(Path file) throws IOException {
        var loaded = DevelopmentKeys.loadOrCreate(
                file,
                Map.of("licence-master-key", GmCrypto.SM4_KEY_LENGTH),
                "Tongban DEVELOPMENT license master key: generated on first start. Never commit, never use in production.");
        if (loaded.generated()) {
            log.warn(
                    "Generated a development license master key in {}; production must set TONGBAN_LICENCE_MASTER_KEY",
                    file);
        }
        return loaded.keys();
    }
}
