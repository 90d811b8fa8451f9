package org.tongban.notices;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the notices module lets an account do (ADR 0019, 0045). Sending notices and calling meetings is the
 * department admin's (the department's office, 办公室, which issues them); every official reads the notices and
 * replies to the meetings addressed to her. Each handler checks the object against the caller again.
 */
public enum NoticePermission implements GrantedPermission {

    /** Send notices to departments and call meetings; see receipts and replies, remind, cancel. */
    SEND("notices:send", Role.DEPARTMENT_ADMIN),
    /** Read the notices and meetings addressed to oneself and reply to the meetings. */
    READ("notices:read", Role.OFFICIAL, Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    NoticePermission(String authority, Role... roles) {
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
