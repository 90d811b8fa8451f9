package org.tongban.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AgentOutOfScopeException;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.IdentityAudit;

/** The one check of an agent's scope (ADR 0031): outside it, 403 and {@code AGENT_OUT_OF_SCOPE} on the trail. */
@Component
public class AgentScope {

    private final AuditManagement audit;

    AgentScope(AuditManagement audit) {
        this.audit = audit;
    }

    /**
     * @throws AgentOutOfScopeException when the grant does not cover the area (audited)
     */
    public void require(UUID account, EnterpriseView enterprise, String scope, String what) {
        if (enterprise.covers(scope)) return;
        audit.recordNow(AuditRecord.denied(
                IdentityAudit.AGENT_OUT_OF_SCOPE,
                account.toString(),
                enterprise.creditCode(),
                Map.of("scope", scope, "request", what.length() > 200 ? what.substring(0, 200) : what)));
        throw new AgentOutOfScopeException(scope);
    }
}
