package org.tongban.shared;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The GM/T primitives that GB/T 39786-2021 level 3 asks for at the application and data layer: SM3 for integrity
 * (hash chains, keyed indexes via HMAC-SM3) and SM4-GCM for confidentiality of stored personal data.
 *
 * <p>Built on the BouncyCastle lightweight API on purpose: it needs no JCA provider registered JVM-wide, so it cannot
 * change which provider other libraries (TLS, JWT signing) pick up. Key management is not here: callers pass keys
 * obtained from the platform's KMS.
 */
public final class GmCrypto {

    public static final int SM4_KEY_LENGTH = 16;
    public static final int GCM_NONCE_LENGTH = 12;
    public static final int GCM_TAG_LENGTH = 16;

    /*
     * Random 96-bit nonces: the collision risk stays negligible for up to about 2^32 encryptions under one key, so
     * callers that encrypt more than that must rotate keys. SecureRandom is thread-safe.
     */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private GmCrypto() {}

    /** SM3 digest (32 bytes). */
    public static byte[] sm3(byte[] data) {
        var digest = new SM3Digest();
        digest.update(data, 0, data.length);
        var out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC-SM3 (RFC 2104 construction over SM3, 32 bytes). */
    public static byte[] hmacSm3(byte[] key, byte[] data) {
        var mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        var out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * SM4-GCM encryption with a fresh random nonce.
     *
     * @param aad bound to the ciphertext but not encrypted (e.g. table, column and row id), so that a ciphertext copied
     *     to another row fails to decrypt
     * @return nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)
     */
    public static byte[] sm4GcmEncrypt(byte[] key16, byte[] plaintext, byte[] aad) {
        var nonce = new byte[GCM_NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        var cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(true, new AEADParameters(sm4Key(key16), GCM_TAG_LENGTH * 8, nonce, aad));
        var out = new byte[GCM_NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, GCM_NONCE_LENGTH);
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, GCM_NONCE_LENGTH);
        try {
            cipher.doFinal(out, GCM_NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e); // cannot happen when encrypting
        }
        return out;
    }

    /**
     * Reverses {@link #sm4GcmEncrypt}.
     *
     * @throws IllegalStateException "SM4-GCM authentication failed" when the input was altered or truncated, or the
     *     key or AAD differ from those used to encrypt
     */
    public static byte[] sm4GcmDecrypt(byte[] key16, byte[] nonceAndCiphertext, byte[] aad) {
        if (nonceAndCiphertext.length < GCM_NONCE_LENGTH + GCM_TAG_LENGTH) {
            throw new IllegalStateException("SM4-GCM authentication failed");
        }
        var nonce = Arrays.copyOf(nonceAndCiphertext, GCM_NONCE_LENGTH);
        var cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(false, new AEADParameters(sm4Key(key16), GCM_TAG_LENGTH * 8, nonce, aad));
        int inputLength = nonceAndCiphertext.length - GCM_NONCE_LENGTH;
        var out = new byte[cipher.getOutputSize(inputLength)];
        int n = cipher.processBytes(nonceAndCiphertext, GCM_NONCE_LENGTH, inputLength, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM authentication failed", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Lower-case hex without separators. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static KeyParameter sm4Key(byte[] key16) {
        if (key16.length != SM4_KEY_LENGTH) {
            throw new IllegalArgumentException("SM4 key must be 16 bytes, was " + key16.length);
        }
        return new KeyParameter(key16);
    }
}
