package org.tongban.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tongban.shared.DevelopmentKeys;
import org.tongban.shared.GmCrypto;

/**
 * Seals the audit chain with HMAC-SM3 under a key held outside the database ({@code TONGBAN_AUDIT_KEY}), so that
 * someone who can write to the database cannot recompute a row, the head or a checkpoint. The sealed form gives each
 * field its length first, so that text cannot move from one field into the next without changing the MAC. The
 * production profile refuses to start without a key; the default profile generates one under the data directory.
 */
@Component
class ChainKey {

    static final int LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(ChainKey.class);

    private final byte[] key;

    @Autowired
    ChainKey(AuditProperties properties, Environment environment) throws IOException {
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        if (StringUtils.hasText(properties.chainKey())) {
            this.key = decode(properties.chainKey());
        } else if (production || !StringUtils.hasText(properties.devKeyFile())) {
            throw new IllegalStateException("The audit chain key is missing: set TONGBAN_AUDIT_KEY (32 bytes, base64). "
                    + "The production profile never generates keys.");
        } else {
            var loaded = DevelopmentKeys.loadOrCreate(
                    Path.of(properties.devKeyFile()),
                    Map.of("audit-chain-key", LENGTH),
                    "Tongban DEVELOPMENT audit chain key: generated on first start. Never commit, never use in production.");
            if (loaded.generated()) {
                log.warn(
                        "Generated a development audit chain key in {}; production must set TONGBAN_AUDIT_KEY",
                        properties.devKeyFile());
            }
            this.key = decode(loaded.keys().getProperty("audit-chain-key"));
        }
    }

    ChainKey(byte[] key) {
        this.key = key.clone();
    }

    /** The MAC of a format-2 row: its content and its predecessor's hash. */
    String row(
            String prev,
            long seq,
            Instant at,
            String code,
            @Nullable String actor,
            String subject,
            String result,
            String details) {
        return mac("row", prev, Long.toString(seq), at.toString(), code, actor, subject, result, details);
    }

    /** The MAC of the chain's head, which names the last row and its hash. */
    String head(long seq, String hash) {
        return mac("head", Long.toString(seq), hash);
    }

    /** The MAC of a checkpoint written outside the database. */
    String checkpoint(long seq, String hash, Instant at) {
        return mac("checkpoint", Long.toString(seq), hash, at.toString());
    }

    /** Each field as its length, a colon and itself; a missing field as a lone minus sign. */
    static String sealedForm(@Nullable String... fields) {
        var sb = new StringBuilder();
        for (var field : fields) {
            if (field == null) sb.append("-;");
            else sb.append(field.length()).append(':').append(field).append(';');
        }
        return sb.toString();
    }

    private String mac(@Nullable String... fields) {
        return GmCrypto.hex(GmCrypto.hmacSm3(key, sealedForm(fields).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tongban.audit.chain-key is not valid base64");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalStateException(
                    "tongban.audit.chain-key must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return bytes;
    }
}
