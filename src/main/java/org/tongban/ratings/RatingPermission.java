package org.tongban.ratings;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the ratings module lets an account do; rating one's own case needs no more than the channel. Each constant names
 * the roles that hold it (ADR 0019).
 */
public enum RatingPermission implements GrantedPermission {

    /** Follow up and rectify the department's bad ratings. */
    RECTIFY("ratings:rectify", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** See rating statistics per department and item. */
    STATISTICS("ratings:statistics", Role.GOVERNMENT_MANAGER);

    private final String authority;
    private final Set<Role> roles;

    RatingPermission(String authority, Role... roles) {
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
