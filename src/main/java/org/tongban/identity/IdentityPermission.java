package org.tongban.identity;

import org.tongban.shared.Permission;

/**
 * What the identity module lets an account do. Roles grant these in {@link Role} (ADR 0019).
 */
public enum IdentityPermission implements Permission {

    /** Read one's own account and profile; every role holds it, even in a one-factor staff session. */
    READ_OWN("identity:read-own"),
    /** Change one's own details (phone, trust level) and act for oneself, such as applying; not the auditor. */
    UPDATE_OWN("identity:update-own"),
    /** Read another person's data for a case of one's department, with a purpose; every read audited. */
    PERSON_READ("identity:person-read"),
    /** Post officials to one's own department and withdraw them. */
    DEPARTMENT_MANAGE("identity:department-manage"),
    /** The operator's account desk: unlock, disable and enable accounts. */
    ACCOUNTS_UNLOCK("identity:accounts-unlock"),
    /** Claim an enterprise as its registered legal representative, confirmed with a passkey (ADR 0030). */
    ENTERPRISE_CLAIM("identity:enterprise-claim");

    private final String authority;

    IdentityPermission(String authority) {
        this.authority = authority;
    }

    @Override
    public String authority() {
        return authority;
    }
}
