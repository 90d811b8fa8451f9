package org.tongban.policies;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the policies module lets an account do (ADR 0019). Publishing is scoped to the official's own department:
 * a policy is its issuing department's, and only that department's policy officers edit, publish, withdraw and
 * confirm it.
 */
public enum PolicyPermission implements GrantedPermission {

    /** See the policies the current enterprise matches, with the reasons, and its benefits. */
    READ_OWN("policies:read-own", Role.ENTERPRISE_USER),
    /** Draft, publish and withdraw the department's policies; confirm a 免申即享 policy's matched list. */
    PUBLISH("policies:publish", Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    PolicyPermission(String authority, Role... roles) {
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
