package org.tongban.identity;

import java.util.Map;
import java.util.UUID;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** A citizen registered an account (trust level 2). Carries ids and masked values only. */
public record AccountRegistered(UUID accountId, String maskedIdNumber, int trustLevel) implements Audited {

    @Override
    public AuditCode auditCode() {
        return IdentityAudit.ACCOUNT_REGISTERED;
    }

    @Override
    public String auditActor() {
        return accountId.toString();
    }

    @Override
    public String auditSubject() {
        return accountId.toString();
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("idNumber", maskedIdNumber, "trustLevel", Integer.toString(trustLevel));
    }
}
