package org.tongban.appeals;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/** What the appeals module lets an account do (ADR 0019); handling is scoped to the official's own department. */
public enum AppealPermission implements GrantedPermission {

    /** Submit requests (as a person or for the current enterprise), follow, rate and reopen one's own. */
    SUBMIT("appeals:submit", Role.CITIZEN, Role.ENTERPRISE_USER),
    /** Accept, transfer and reply to the requests routed to one's own department. */
    HANDLE("appeals:handle", Role.OFFICIAL, Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    AppealPermission(String authority, Role... roles) {
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
