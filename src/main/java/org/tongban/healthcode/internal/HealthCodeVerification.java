package org.tongban.healthcode.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.healthcode.HealthCodeAudit;
import org.tongban.healthcode.HealthStatus;
import org.tongban.licenses.SignedTokens;
import org.tongban.verifier.Outcome;

/**
 * Verification of a health code for the API (a gate, a turnstile): the licences' check of the signed token against
 * the published trust list, then this module's register (a card must be one the platform printed); a token that is
 * not a health code is {@link Outcome#MALFORMED}. Every refusal is audited with its outcome.
 */
@Service
public class HealthCodeVerification {

    /** What a verification found; the fields only for a token whose signature held. */
    public record Result(
            Outcome outcome,
            @Nullable HealthStatus status,
            @Nullable String name,
            @Nullable String idNumber,
            @Nullable String reason,
            @Nullable Instant expiresAt,
            boolean card) {}

    private final SignedTokens signed;
    private final HealthCodeTokens tokens;
    private final AuditManagement audit;

    HealthCodeVerification(SignedTokens signed, HealthCodeTokens tokens, AuditManagement audit) {
        this.signed = signed;
        this.tokens = tokens;
        this.audit = audit;
    }

    public Result verify(@Nullable String token, String caller) {
        if (token == null || token.isBlank()) return refused(Outcome.MALFORMED, null, caller);
        var checked = signed.verifySigned(token);
        var claims = checked.token();
        if (claims == null) return refused(checked.outcome(), null, caller);
        if (!HealthCodeTokens.TYPE.equals(claims.type())) return refused(Outcome.MALFORMED, claims.licenseId(), caller);
        var outcome = checked.outcome() == Outcome.VALID ? tokens.check(claims, Instant.now()) : checked.outcome();
        HealthStatus status;
        try {
            status = HealthStatus.fromZh(claims.fields().getOrDefault("status", ""));
        } catch (IllegalArgumentException e) {
            return refused(Outcome.MALFORMED, claims.licenseId(), caller);
        }
        var result = new Result(
                outcome,
                status,
                claims.fields().get("name"),
                claims.fields().get("idNumber"),
                claims.fields().get("reason"),
                claims.expiresAt(),
                claims.licenseId().startsWith(HealthCodeTokens.CARD));
        if (outcome != Outcome.VALID) audited(outcome, claims.licenseId(), caller);
        return result;
    }

    private Result refused(Outcome outcome, @Nullable String id, String caller) {
        audited(outcome, id, caller);
        return new Result(outcome, null, null, null, null, null, false);
    }

    private void audited(Outcome outcome, @Nullable String id, String caller) {
        audit.recordNow(AuditRecord.denied(
                HealthCodeAudit.HEALTHCODE_VERIFY_REFUSED,
                caller,
                id == null ? "token" : id,
                Map.of("outcome", outcome.name())));
    }
}
