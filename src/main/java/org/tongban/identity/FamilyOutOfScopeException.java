package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A relative acted for a family member outside what the member granted (ADR 0043): a scope not granted, a grant
 * expired, revoked, never accepted, or another person's. 403, said in words ({@code family.refused.<reason>}).
 */
public class FamilyOutOfScopeException extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public FamilyOutOfScopeException(String reason) {
        super(
                Kind.FORBIDDEN,
                "family.refused." + reason,
                null,
                "Not acting for the family member: " + reason,
                Map.of());
        this.reason = reason;
    }

    /** {@code SCOPE}, {@code ENDED} (expired, revoked or never in force) or {@code UNKNOWN}. */
    public String reason() {
        return reason;
    }
}
