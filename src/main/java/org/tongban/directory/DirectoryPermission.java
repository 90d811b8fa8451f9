package org.tongban.directory;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/** What the directory lets an account do (ADR 0019): officials only; citizens and enterprises never see it. */
public enum DirectoryPermission implements GrantedPermission {

    /** Browse and search the directory and read colleagues' cards (each detail as its owner allows). */
    VIEW("directory:view", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Keep one's own contact details and choose who sees each. */
    EDIT_OWN("directory:edit-own", Role.OFFICIAL, Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    DirectoryPermission(String authority, Role... roles) {
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
