package org.tongban.cases;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the cases module lets an account do; applying is {@code identity:update-own} in a channel. Each constant names
 * the roles that hold it (ADR 0019).
 */
public enum CasePermission implements GrantedPermission {

    /** Handle the department's cases: accept or refuse, review, decide, transfer. */
    HANDLE("cases:handle", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Oversee the department's open cases and their deadlines. */
    SUPERVISE("cases:supervise", Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    CasePermission(String authority, Role... roles) {
        this.authority = authority;
        this.roles = Set.of(roles);
    }

    @Override
    public String authority() {
        return authority;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
