package org.tongban.licenses.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.licenses.LicenseStatus;
import org.tongban.verifier.Outcome;

/**
 * The platform's answer to a show token: the outcome (the first check that failed, or {@link Outcome#VALID}), and,
 * once the signature verified, what the token says and the license's status in the register.
 *
 * @param licenseStatus the status in the register when the license was found; null otherwise
 */
public record VerificationResult(
        Outcome outcome,
        Instant checkedAt,
        @Nullable String identifier,
        @Nullable String type,
        @Nullable String typeName,
        @Nullable String issuerDepartment,
        @Nullable String issuerNameZh,
        @Nullable String issuerNameEn,
        @Nullable Map<String, String> fields,
        @Nullable Instant tokenIssuedAt,
        @Nullable Instant tokenExpiresAt,
        @Nullable LocalDate validTo,
        @Nullable LicenseStatus licenseStatus,
        @Nullable String keyId) {

    public boolean valid() {
        return outcome.valid();
    }

    static VerificationResult failed(Outcome outcome, Instant at) {
        return new VerificationResult(
                outcome, at, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
