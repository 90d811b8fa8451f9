package org.tongban.verifier;

import java.time.Instant;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * One public key of the trust list: an issuing department's signing key ({@code ISSUER}) or the platform's
 * status-list key ({@code STATUS}), valid from {@code notBefore} until {@code notAfter}.
 *
 * @param department the issuing department's code (e.g. {@code 440100-SCJG}); {@code PLATFORM} for the status key
 * @param creditCode the department's unified social credit code (the issuer code in licence identifiers)
 * @param subjectPublicKeyInfo the key as DER SubjectPublicKeyInfo (the body of its PEM)
 */
public record TrustedKey(String kid, String use, String department, String creditCode, String nameZh, String nameEn,
        byte[] subjectPublicKeyInfo, ECPublicKeyParameters publicKey, Instant notBefore, Instant notAfter) {

    public static final String ISSUER = "ISSUER";
    public static final String STATUS = "STATUS";

    /** Whether the key was valid at an instant. */
    public boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && at.isBefore(notAfter);
    }
}
