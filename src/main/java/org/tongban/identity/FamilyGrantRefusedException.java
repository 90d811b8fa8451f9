package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.Refusal;

/** A family grant's passkey confirmation or acceptance did not verify (ADR 0043): nothing changed, audited. */
public class FamilyGrantRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public FamilyGrantRefusedException() {
        super(Kind.FORBIDDEN, "family.passkeyFailed", null, "The passkey did not confirm the family grant", Map.of());
    }
}
