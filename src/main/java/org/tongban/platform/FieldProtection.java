package org.tongban.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.tongban.platform.internal.KeyRing;
import org.tongban.shared.GmCrypto;

/**
 * Protects personal data at rest (GB/T 39786 8.4 e): SM4-GCM encryption for values that must be read back, and a
 * keyed HMAC-SM3 blind index for look-ups. A plain hash would not do: the ID-number space is small enough to
 * enumerate. Ciphertexts carry a one-byte key version first, so that keys can rotate: new values are sealed with the
 * newest field key, older versions still open, and {@link #reseal} moves a value to the newest key.
 */
@Component
public class FieldProtection {

    private final KeyRing keys;

    FieldProtection(KeyRing keys) {
        this.keys = keys;
    }

    /**
     * The associated data that binds a value to its place: a ciphertext copied to another row or column fails to
     * open. The parts are joined with NUL, which none of them holds, so that no two places share a context.
     */
    public static String place(String table, String rowId, String column) {
        return table + "\u0000" + rowId + "\u0000" + column;
    }

    /** Encrypts a value; {@code context} (for example {@link #place}) is bound as associated data. */
    public byte[] encrypt(String value, String context) {
        return seal(value.getBytes(StandardCharsets.UTF_8), context);
    }

    /** Decrypts what {@link #encrypt} produced with the same context; a changed byte fails loudly. */
    public String decrypt(byte[] ciphertext, String context) {
        return new String(open(ciphertext, context), StandardCharsets.UTF_8);
    }

    /** Encrypts bytes (an uploaded file) under the newest field key; the first byte names the key version. */
    public byte[] seal(byte[] plain, String context) {
        int version = keys.currentFieldKeyVersion();
        var sealed = GmCrypto.sm4GcmEncrypt(keys.fieldKey(version), plain, context.getBytes(StandardCharsets.UTF_8));
        var out = new byte[sealed.length + 1];
        out[0] = (byte) version;
        System.arraycopy(sealed, 0, out, 1, sealed.length);
        return out;
    }

    /** Opens what {@link #seal} produced, under whichever known key version sealed it. */
    public byte[] open(byte[] ciphertext, String context) {
        if (ciphertext.length < 2) throw new IllegalStateException("Not a field ciphertext");
        var sealed = Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
        return GmCrypto.sm4GcmDecrypt(
                keys.fieldKey(versionOf(ciphertext)), sealed, context.getBytes(StandardCharsets.UTF_8));
    }

    /** The version of the field key that sealed a ciphertext. */
    public static int versionOf(byte[] ciphertext) {
        return Byte.toUnsignedInt(ciphertext[0]);
    }

    /** The version of the newest field key, which seals every new value. */
    public int currentFieldKeyVersion() {
        return keys.currentFieldKeyVersion();
    }

    /** Whether a ciphertext was sealed with an older key than the newest (the re-encryption step reseals it). */
    public boolean sealedWithOlderKey(byte[] ciphertext) {
        return versionOf(ciphertext) != keys.currentFieldKeyVersion();
    }

    /** The same value sealed with the newest key (unchanged when it already is). */
    public byte[] reseal(byte[] ciphertext, String context) {
        return sealedWithOlderKey(ciphertext) ? seal(open(ciphertext, context), context) : ciphertext;
    }

    /** A deterministic keyed index of a normalised value, for equality look-ups without decrypting. */
    public byte[] blindIndex(String value, String context) {
        return GmCrypto.hmacSm3(
                keys.indexKeyForPlatform(), (context + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed digest of arbitrary bytes, for integrity of stored secrets (HMAC-SM3). */
    public byte[] mac(byte[] data) {
        return GmCrypto.hmacSm3(keys.indexKeyForPlatform(), data);
    }

    /**
     * Wraps key material (for example the token-signing key) with the newest field key. The wrapped form has no
     * version byte (it predates versions); {@link #unwrap} tries the known keys newest first.
     */
    public byte[] wrap(byte[] material, String context) {
        return GmCrypto.sm4GcmEncrypt(keys.fieldKeyForPlatform(), material, context.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] unwrap(byte[] wrapped, String context) {
        RuntimeException last = null;
        for (int version : keys.fieldKeyVersions()) {
            try {
                return GmCrypto.sm4GcmDecrypt(
                        keys.fieldKey(version), wrapped, context.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException wrongKey) {
                last = wrongKey;
            }
        }
        throw last == null ? new IllegalStateException("No field key") : last;
    }
}
