package org.tongban.licenses.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
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
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final String CONTEXT = "tongban.licenses.signing-key";

    private final byte[] key;
    private final boolean development;

    MasterKey(LicenseProperties properties, Environment environment) throws IOException {
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        if (StringUtils.hasText(properties.masterKey())) {
            this.key = decode(properties.masterKey());
            this.development = false;
        } else if (production || !StringUtils.hasText(properties.devKeyFile())) {
            throw new IllegalStateException("The licence master key is missing: set TONGBAN_LICENCE_MASTER_KEY (16 bytes, "
                    + "base64). The production profile never generates keys.");
        } else {
            this.key = decode(loadOrCreate(Path.of(properties.devKeyFile())));
            this.development = true;
        }
    }

    /** Whether this is a generated development key. */
    boolean development() {
        return development;
    }

    /** SM4-GCM under the master key, the key id bound as associated data. */
    byte[] wrap(byte[] secret, String kid) {
        return GmCrypto.sm4GcmEncrypt(key, secret, (CONTEXT + ":" + kid).getBytes(StandardCharsets.UTF_8));
    }

    byte[] unwrap(byte[] wrapped, String kid) {
        return GmCrypto.sm4GcmDecrypt(key, wrapped, (CONTEXT + ":" + kid).getBytes(StandardCharsets.UTF_8));
    }

    /** A check value of the key (HMAC-SM3 of a constant), to recognise the key a key store was made with. */
    byte[] checkValue() {
        return GmCrypto.hmacSm3(key, "tongban licence master key check".getBytes(StandardCharsets.US_ASCII));
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

    private static String loadOrCreate(Path file) throws IOException {
        var loaded = DevelopmentKeys.loadOrCreate(file, Map.of("licence-master-key", GmCrypto.SM4_KEY_LENGTH),
                "Tongban DEVELOPMENT licence master key: generated on first start. Never commit, never use in production.");
        if (loaded.generated()) {
            log.warn("Generated a development licence master key in {}; production must set TONGBAN_LICENCE_MASTER_KEY", file);
        }
        return loaded.keys().getProperty("licence-master-key");
    }
}
