package org.tongban.licenses;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Custody of the SM2 signing keys: the issuing departments' keys ({@code ISSUER}), the platform's status-list key
 * ({@code STATUS}) and its root key ({@code ROOT}), which signs the trust list. Private keys never leave an
 * implementation: callers ask it to sign. The platform's implementation keeps keys in its database, wrapped with SM4
 * under a master key from configuration; a deployment with a hardware security module (密码机) provides its own bean
 * of this interface instead, and nothing else changes (ADR 0006).
 *
 * <p>Keys rotate: a key signs from {@code notBefore} until {@code signUntil} (or until it is retired early), and its
 * signatures verify until {@code notAfter}, so licenses signed with an old key still verify until that key expires.
 */
public interface LicenseKeyStore {

    String ISSUER = "ISSUER";
    String STATUS = "STATUS";
    String ROOT = "ROOT";
    /** The owner of the platform's own keys (status and root). */
    String PLATFORM = "PLATFORM";

    /**
     * The key that signs now for an owner (a department code, or {@link #PLATFORM}) and use. Creates one when there is
     * none, and replaces it when its signing period is over. Safe on several nodes at once.
     */
    KeyInfo current(String owner, String use);

    /**
     * Signs data with a key (SM2 with SM3 and the GM/T 0009 default identifier, DER).
     *
     * @throws IllegalStateException for an unknown key. Callers sign with {@link #current} keys only; the store does not
     *     look the key's period up on every signature
     */
    byte[] sign(String kid, byte[] data);

    /** A key by id, current or retired. */
    Optional<KeyInfo> key(String kid);

    /** Every key whose signatures still verify at {@code at}, newest first. */
    List<KeyInfo> verifiable(Instant at);

    /** Retires the current key of an owner and use and makes a new one (rotation); returns the new key. */
    KeyInfo rotate(String owner, String use, String actor);

    /**
     * Revokes a key (compromised) from an instant on: nothing it signed at or after {@code from} verifies any more,
     * and the trust list says so until the key expires. A current key is replaced at once, as by {@link #rotate}.
     * Revoking a revoked key again only moves {@code from} earlier.
     *
     * @return the key as revoked
     * @throws IllegalArgumentException an unknown key
     */
    KeyInfo revoke(String kid, Instant from, String reason, String actor);

    /**
     * A public key and its periods.
     *
     * @param publicKey DER SubjectPublicKeyInfo
     * @param retiredAt when it stopped signing before {@code signUntil} (rotated); null while current
     * @param revokedAt from when its signatures are invalid (compromised); null for a key never revoked
     */
    record KeyInfo(
            String kid,
            String use,
            String owner,
            byte[] publicKey,
            Instant notBefore,
            Instant signUntil,
            Instant notAfter,
            @Nullable Instant retiredAt,
            @Nullable Instant revokedAt) {

        /** Whether the key may sign at an instant. */
        public boolean signsAt(Instant at) {
            return retiredAt == null && revokedAt == null && !at.isBefore(notBefore) && at.isBefore(signUntil);
        }

        /** Whether a signature the key made at an instant is valid: before the key expired and before any revocation. */
        public boolean signatureValidAt(Instant signedAt) {
            return !signedAt.isBefore(notBefore)
                    && signedAt.isBefore(notAfter)
                    && (revokedAt == null || signedAt.isBefore(revokedAt));
        }
    }
}
