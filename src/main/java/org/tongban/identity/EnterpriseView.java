package org.tongban.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise that an account may act for, and on what grounds: as its legal representative, or (later) as an
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
        @Nullable Instant validTo) {}
