package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.Refusal;

/** An agent (经办人) acted for the enterprise outside the scope its legal representative granted (ADR 0031). */
public class AgentOutOfScopeException extends Refusal {

    private static final long serialVersionUID = 1L;

    public AgentOutOfScopeException(String scope) {
        super(Kind.FORBIDDEN, "agents.outOfScope", null, "Outside the agent's scope: " + scope, Map.of());
    }
}
