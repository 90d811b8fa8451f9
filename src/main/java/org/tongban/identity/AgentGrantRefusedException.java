package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.Refusal;

/** The passkey assertion meant to confirm an agent grant did not verify (another grant's, no user verification). */
public class AgentGrantRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public AgentGrantRefusedException() {
        super(Kind.FORBIDDEN, "agents.passkeyFailed", null, "Agent grant confirmation did not verify", Map.of());
    }
}
