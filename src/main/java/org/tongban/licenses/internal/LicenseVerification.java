package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.licenses.LicenseStatus;
import org.tongban.verifier.Outcome;

/**
 * Verification of show tokens for anyone (核验), and what offline verifiers need: the trust list, the root key and
 * the status list. The online check is the offline verifier's ({@link org.tongban.verifier.OfflineVerifier}, with
 * the platform's own published trust list) followed by the license's status in the register instead of a status
 * list. Never throws for any token: garbage is {@link Outcome#MALFORMED}.
 */
@Service
public class LicenseVerification implements org.tongban.licenses.SignedTokens {

    private final Publications publications;
    private final LicenseStore store;

    private final Clock clock;
    private final java.util.List<org.tongban.licenses.ShowTokenRegister> registers;

    LicenseVerification(
            Publications publications,
            LicenseStore store,
            Clock clock,
            java.util.List<org.tongban.licenses.ShowTokenRegister> registers) {
        this.registers = java.util.List.copyOf(registers);
        this.clock = clock;
        this.publications = publications;
        this.store = store;
    }

    /**
     * Verifies a show token now: signature, issuer key, token window, license period, then the register. Not in a
     * transaction: the register is read with one statement, and a read-only transaction around it cost three more
     * round trips to the database per verification (read-only on, begin, commit, read-only off).
     */
    public VerificationResult verify(@Nullable String token) {
        var now = Instant.now();
        if (token == null || token.isBlank()) return VerificationResult.failed(Outcome.MALFORMED, now);
        var checked = signed(token, now);
        var claims = checked.token();
        if (claims == null) return VerificationResult.failed(checked.outcome(), now);
        var register = register(claims.type());
        if (register != null) {
            // Another module's token (a health code): its register, not the licences', has the last word.
            var outcome = checked.outcome() == Outcome.VALID ? register.check(claims, now) : checked.outcome();
            return result(
                    outcome,
                    now,
                    claims,
                    null,
                    checked.key().nameZh(),
                    checked.key().nameEn());
        }
        var stored = store.find(claims.licenseId()).orElse(null);
        // The token must name the license as the register knows it: same status position, same issuer.
        if (stored == null
                || stored.id() != claims.statusIndex()
                || !stored.issuerDepartment().equals(claims.issuer())) {
            return result(
                    Outcome.UNKNOWN_LICENCE,
                    now,
                    claims,
                    null,
                    checked.key().nameZh(),
                    checked.key().nameEn());
        }
        var status = stored.effectiveStatus(LocalDate.ofInstant(now, clock.getZone()));
        var outcome = checked.outcome();
        if (outcome == Outcome.VALID) {
            outcome = switch (status) {
                case VALID -> Outcome.VALID;
                case SUSPENDED -> Outcome.SUSPENDED;
                case REVOKED, CANCELLED -> Outcome.REVOKED;
                case EXPIRED -> Outcome.LICENCE_EXPIRED;
            };
        }
        return result(
                outcome,
                now,
                claims,
                status,
                checked.key().nameZh(),
                checked.key().nameEn());
    }

    @Override
    public org.tongban.verifier.Verification verifySigned(String token) {
        return signed(token, Instant.now());
    }

    private org.tongban.verifier.Verification signed(String token, Instant now) {
        var checked = publications.verifier().verifyWithoutStatus(token, now);
        if (checked.outcome() == Outcome.UNKNOWN_ISSUER && publications.refreshTrustList()) {
            // A key made or rotated on another node a moment ago.
            checked = publications.verifier().verifyWithoutStatus(token, now);
        }
        return checked;
    }

    /** The register of another module for a token type, or null for licences. */
    public org.tongban.licenses.@Nullable ShowTokenRegister register(@Nullable String type) {
        if (type == null) return null;
        for (var r : registers) if (r.type().equals(type)) return r;
        return null;
    }

    /** The signed trust list (compact envelope, docs/licenses.md). */
    public String trustList() {
        return publications.trustList().body();
    }

    /** The root public key (PEM) that signs trust lists. */
    public String rootKey() {
        return publications.rootPem();
    }

    /** The signed status list (compact envelope, docs/licenses.md). */
    @Transactional(readOnly = true)
    public String statusList() {
        return publications.statusList();
    }

    private static VerificationResult result(
            Outcome outcome,
            Instant now,
            org.tongban.verifier.ShowToken claims,
            @Nullable LicenseStatus status,
            String issuerZh,
            String issuerEn) {
        return new VerificationResult(
                outcome,
                now,
                claims.licenseId(),
                claims.type(),
                claims.typeName(),
                claims.issuer(),
                issuerZh,
                issuerEn,
                claims.fields(),
                claims.issuedAt(),
                claims.expiresAt(),
                claims.validTo(),
                status,
                claims.kid());
    }
}
