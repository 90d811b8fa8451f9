package org.tongban.audit;

import org.tongban.shared.Permission;

/**
 * What the audit module lets an account do. Roles grant these in {@code identity.Role}: identity depends on this
 * module, so this module cannot name the roles (ADR 0019).
 */
public enum AuditPermission implements Permission {

    /** Read the audit trail and verify its chain: the auditor only. */
    READ("audit:read");

    private final String authority;

    AuditPermission(String authority) {
        this.authority = authority;
    }

    @Override
    public String authority() {
        return authority;
    }
}
