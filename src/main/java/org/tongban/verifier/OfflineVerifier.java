package org.tongban.verifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Verifies show tokens with nothing but a trust list and, optionally, a status list: no network, no platform.
 * Checks, in this order, stopping at the first that fails: the envelope ({@link Outcome#MALFORMED}), the key id in
 * the trust list ({@link Outcome#UNKNOWN_ISSUER}), the SM2 signature over the exact text
 * ({@link Outcome#INVALID_SIGNATURE}), the claims ({@link Outcome#MALFORMED}), that the key belongs to the issuer the
 * token names ({@link Outcome#UNKNOWN_ISSUER}), the key's revocation ({@link Outcome#KEY_REVOKED}: signed at or after
 * it, or verified after it), the key's validity when signed and now ({@link Outcome#KEY_NOT_VALID}),
 * the token's time window ({@link Outcome#NOT_YET_VALID}, {@link Outcome#EXPIRED}), the license's validity period
 * ({@link Outcome#LICENCE_EXPIRED}) and, with a status list, the license's status ({@link Outcome#REVOKED},
 * {@link Outcome#SUSPENDED}, {@link Outcome#LICENCE_EXPIRED}). Never throws for any input. Thread-safe.
 */
public final class OfflineVerifier {

    /** License validity dates are China's calendar days. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TrustList trust;
    private final StatusList status;
    private final Duration skew;
    private final Duration tolerance;

    /** How long past its expiry a status list still vouches that a license is in force, unless told otherwise. */
    public static final Duration DEFAULT_STATUS_TOLERANCE = Duration.ofHours(24);

    /** A verifier that allows 30 seconds of clock difference between the holder's phone, the platform and itself. */
    public OfflineVerifier(TrustList trust, StatusList status) {
        this(trust, status, Duration.ofSeconds(30));
    }

    /** @param status may be null: the status is then reported as not checked */
    public OfflineVerifier(TrustList trust, StatusList status, Duration skew) {
        this(trust, status, skew, DEFAULT_STATUS_TOLERANCE);
    }

    /**
     * @param tolerance how long past its expiry the status list still vouches that a license is in force; a list
     *     staler than that still reports what it says against a license (revoked, suspended, expired), but a license
     *     it shows in force is reported with its status not checked
     */
    public OfflineVerifier(TrustList trust, StatusList status, Duration skew, Duration tolerance) {
        if (trust == null) throw new IllegalArgumentException("a trust list is required");
        this.trust = trust;
        this.status = status;
        this.skew = skew;
        this.tolerance = tolerance;
    }

    public Verification verify(String token, Instant now) {
        var signed = verifyWithoutStatus(token, now);
        if (signed.token() == null || status == null) return signed;
        var statusStaleBy = status.staleBy(now);
        var staleBy = statusStaleBy.compareTo(signed.staleBy()) > 0 ? statusStaleBy : signed.staleBy();
        if (!signed.valid()) return new Verification(signed.outcome(), signed.token(), signed.key(), false, staleBy);
        int state = status.status(signed.token().statusIndex());
        var outcome = switch (state) {
            case StatusList.REVOKED -> Outcome.REVOKED;
            case StatusList.SUSPENDED -> Outcome.SUSPENDED;
            case StatusList.EXPIRED -> Outcome.LICENCE_EXPIRED;
            default -> Outcome.VALID; // valid, or issued after the list was published (-1): status not checked
        };
        // A list too old cannot vouch that nothing happened to the license since; what it says against it still holds.
        boolean vouches = state >= 0 && (outcome != Outcome.VALID || statusStaleBy.compareTo(tolerance) <= 0);
        return new Verification(outcome, signed.token(), signed.key(), vouches, staleBy);
    }

    /** The checks that need no status: issuer, key validity, token window, license period. */
    Outcome outcome(ShowToken token, TrustedKey key, Instant now) {
        if (!key.department().equals(token.issuer())) return Outcome.UNKNOWN_ISSUER;
        // A token's iat is what its signer wrote: whoever holds a compromised key can backdate it. So once the key
        // is revoked no token of it verifies; tokens live a minute, the holder shows the license again.
        if (key.revokedBy(token.issuedAt()) || key.revokedBy(now)) return Outcome.KEY_REVOKED;
        if (!key.validAt(token.issuedAt()) || !now.isBefore(key.notAfter())) return Outcome.KEY_NOT_VALID;
        if (token.issuedAt().isAfter(now.plus(skew))) return Outcome.NOT_YET_VALID;
        if (!now.isBefore(token.expiresAt().plus(skew))) return Outcome.EXPIRED;
        if (token.validTo() != null && LocalDate.ofInstant(now, CHINA).isAfter(token.validTo()))
            return Outcome.LICENCE_EXPIRED;
        return Outcome.VALID;
    }

    /**
     * The checks of {@link #verify} up to and including the license period, for a caller that checks the status
     * itself (the platform's online verification reads the register instead of a list).
     */
    public Verification verifyWithoutStatus(String token, Instant now) {
        try {
            var envelope = Compact.parse(token, ShowToken.TYPE, ShowToken.MAX_LENGTH);
            var key = trust.key(envelope.kid())
                    .filter(k -> k.use().equals(TrustedKey.ISSUER))
                    .orElse(null);
            if (key == null) return Verification.failed(Outcome.UNKNOWN_ISSUER);
            if (!Sm2.verify(key.publicKey(), envelope.signingInput(), envelope.signature())) {
                return new Verification(Outcome.INVALID_SIGNATURE, null, key, false, Duration.ZERO);
            }
            var claims = ShowToken.read(envelope.kid(), envelope.payloadJson());
            return new Verification(outcome(claims, key, now), claims, key, false, trust.staleBy(now));
        } catch (VerificationFailure e) {
            return Verification.failed(e.outcome());
        } catch (RuntimeException e) {
            return Verification.failed(Outcome.MALFORMED);
        }
    }

    public TrustList trustList() {
        return trust;
    }
}
