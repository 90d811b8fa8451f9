package org.tongban.documents;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the documents module lets an account do (ADR 0019). Signing (签发) needs more than {@link #SIGN}: the official
 * must be a leader of the issuing department, which this module records itself (ADR 0028).
 */
public enum DocumentPermission implements GrantedPermission {

    /** Read the documents of one's department and those sent to it. */
    READ("documents:read", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Draft, check (核稿), countersign (会签), seal and dispatch documents; handle incoming ones. */
    HANDLE("documents:handle", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Sign (签发) and instruct (批办): only as a leader of the department. */
    SIGN("documents:sign", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Set the departments' 机关代字 (the manager, 管). */
    SHORT_NAMES("documents:short-names", Role.GOVERNMENT_MANAGER);

    private final String authority;
    private final Set<Role> roles;

    DocumentPermission(String authority, Role... roles) {
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
