package org.tongban.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.tongban.platform.internal.KeyRing;
import org.tongban.shared.GmCrypto;

/**
 * Protects personal data at rest (GB/T 39786 8.4 e): SM4-GCM encryption for values that must be read back, and a
 * keyed HMAC-SM3 blind index for look-ups. A plain hash would not do: the ID-number space is small enough to
 * enumerate. Ciphertexts carry a one-byte key version first, so that keys can rotate.
 */
@Component
public class FieldProtection {

    private static final byte KEY_VERSION = 1;
    private final KeyRing keys;

    FieldProtection(KeyRing keys) {
        this.keys = keys;
    }

    /** Encrypts a value; {@code context} (for example the column name) is bound as associated data. */
    public byte[] encrypt(String value, String context) {
        var sealed = GmCrypto.sm4GcmEncrypt(keys.fieldKeyForPlatform(), value.getBytes(StandardCharsets.UTF_8),
                context.getBytes(StandardCharsets.UTF_8));
        var out = new byte[sealed.length + 1];
        out[0] = KEY_VERSION;
        System.arraycopy(sealed, 0, out, 1, sealed.length);
        return out;
    }

    /** Decrypts what {@link #encrypt} produced with the same context; a changed byte fails loudly. */
    public String decrypt(byte[] ciphertext, String context) {
        if (ciphertext.length < 2 || ciphertext[0] != KEY_VERSION) {
            throw new IllegalStateException("Unknown field key version");
        }
        var sealed = java.util.Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
        var plain = GmCrypto.sm4GcmDecrypt(keys.fieldKeyForPlatform(), sealed, context.getBytes(StandardCharsets.UTF_8));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** A deterministic keyed index of a normalised value, for equality look-ups without decrypting. */
    public byte[] blindIndex(String value, String context) {
        return GmCrypto.hmacSm3(keys.indexKeyForPlatform(),
                (context + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed digest of arbitrary bytes, for integrity of stored secrets (HMAC-SM3). */
    public byte[] mac(byte[] data) {
        return GmCrypto.hmacSm3(keys.indexKeyForPlatform(), data);
    }

    /** Wraps key material (for example the token-signing key) with the field key. */
    public byte[] wrap(byte[] material, String context) {
        return GmCrypto.sm4GcmEncrypt(keys.fieldKeyForPlatform(), material, context.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] unwrap(byte[] wrapped, String context) {
        return GmCrypto.sm4GcmDecrypt(keys.fieldKeyForPlatform(), wrapped, context.getBytes(StandardCharsets.UTF_8));
    }
}
