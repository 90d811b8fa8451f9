package org.tongban.verifier;

import java.time.Instant;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * One public key of the trust list: an issuing department's signing key ({@code ISSUER}) or the platform's
 * status-list key ({@code STATUS}), valid from {@code notBefore} until {@code notAfter}, unless the platform revoked
 * it (a compromised key): then nothing it signed at or after {@code revokedAt} is valid, and, since a token's own
 * times are whatever its signer wrote, no show token it signed verifies once {@code revokedAt} has passed.
 *
 * @param department the issuing department's code (e.g. {@code 440100-SCJG}); {@code PLATFORM} for the status key
 * @param creditCode the department's unified social credit code (the issuer code in license identifiers)
 * @param subjectPublicKeyInfo the key as DER SubjectPublicKeyInfo (the body of its PEM)
 * @param revokedAt when the key's signatures stopped being valid; null for a key that was never revoked
 */
public record TrustedKey(
        String kid,
        String use,
        String department,
        String creditCode,
        String nameZh,
        String nameEn,
        byte[] subjectPublicKeyInfo,
        ECPublicKeyParameters publicKey,
        Instant notBefore,
        Instant notAfter,
        Instant revokedAt) {

    public static final String ISSUER = "ISSUER";
    public static final String STATUS = "STATUS";

    /** A key that was never revoked. */
    public TrustedKey(
            String kid,
            String use,
            String department,
            String creditCode,
            String nameZh,
            String nameEn,
            byte[] subjectPublicKeyInfo,
            ECPublicKeyParameters publicKey,
            Instant notBefore,
            Instant notAfter) {
        this(
                kid,
                use,
                department,
                creditCode,
                nameZh,
                nameEn,
                subjectPublicKeyInfo,
                publicKey,
                notBefore,
                notAfter,
                null);
    }

    /** Whether the key was valid at an instant: within its period and before any revocation. */
    public boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && at.isBefore(notAfter) && !revokedBy(at);
    }

    /** Whether the key had been revoked at an instant. */
    public boolean revokedBy(Instant at) {
        return revokedAt != null && !at.isBefore(revokedAt);
    }
}
