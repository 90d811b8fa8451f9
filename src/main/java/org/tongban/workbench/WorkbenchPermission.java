package org.tongban.workbench;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/** What the workbench lets an account do (ADR 0019). */
public enum WorkbenchPermission implements GrantedPermission {

    /** Read one's own unified to-do (统一待办). */
    TODO("workbench:todo", Role.OFFICIAL, Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    WorkbenchPermission(String authority, Role... roles) {
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
