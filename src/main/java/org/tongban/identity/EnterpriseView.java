package org.tongban.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise that an account may act for, and on what grounds: as its legal representative, or as an
 * agent (经办人) within a scope until a date.
 */
public record EnterpriseView(
        UUID id,
        String creditCode,
        String name,
        String maskedLegalRepresentative,
        String address,
        String industry,
        String grantKind,
        String scope,
        @Nullable Instant validTo) {

    /** The areas an agent's scope may name (ADR 0031); a legal representative's grant covers them all. */
    public static final java.util.List<String> SCOPES =
            java.util.List.of("CASES", "LICENCES", "SEALS", "FINANCING", "RECRUITMENT");

    /** Whether this grant lets the account act for the enterprise in this area (one of {@link #SCOPES}). */
    public boolean covers(String area) {
        return grantKind.equals("LEGAL_REPRESENTATIVE")
                || scope.equals("ALL")
                || java.util.Arrays.asList(scope.split(",")).contains(area);
    }

    /** Whether the account acts as an agent (经办人), within a scope, not as the legal representative. */
    public boolean actsAsAgent() {
        return grantKind.equals("AGENT");
    }
}
