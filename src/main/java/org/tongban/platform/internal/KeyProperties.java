package org.tongban.platform.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Keys that protect personal data (GB/T 39786 8.4 e). Given as base64 in the environment in production; in the
 * default profile a development key file is generated under the data directory on first start and never committed.
 * The field key is versioned: every ciphertext names the version of the key that sealed it, so that the key can
 * rotate without losing what older keys sealed (see docs/adr/0016).
 *
 * @param fieldEncryptionKey SM4 key, 16 bytes, base64: the current field key, which seals every new value
 * @param blindIndexKey      HMAC-SM3 key, 32 bytes, base64
 * @param devKeyFile         where to keep generated development keys; empty disables generation (production)
 * @param fieldKeyVersion    the version of {@code fieldEncryptionKey} (1 to 255; empty: 1)
 * @param previousFieldKeys  older field keys that still open what they sealed, {@code version:base64} separated by
 *                           commas; empty when the key never rotated
 */
@ConfigurationProperties(prefix = "tongban.keys", ignoreUnknownFields = false)
public record KeyProperties(
        String fieldEncryptionKey,
        String blindIndexKey,
        String devKeyFile,
        @Nullable Integer fieldKeyVersion,
        @Nullable String previousFieldKeys) {

    @ConstructorBinding
    public KeyProperties {}

    /** Keys without rotation: the field key is version 1. */
    public KeyProperties(String fieldEncryptionKey, String blindIndexKey, String devKeyFile) {
        this(fieldEncryptionKey, blindIndexKey, devKeyFile, null, null);
    }
}
