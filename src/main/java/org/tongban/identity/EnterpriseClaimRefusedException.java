package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.Refusal;

/** The passkey assertion meant to confirm a claim did not verify (another challenge, no user verification). */
public class EnterpriseClaimRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public EnterpriseClaimRefusedException() {
        super(Kind.FORBIDDEN, "enterprise.claim.passkeyFailed", null, "Claim confirmation did not verify", Map.of());
    }
}
