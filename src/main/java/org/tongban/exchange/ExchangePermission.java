package org.tongban.exchange;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/** What the exchange lets an account do. Each constant names the roles that hold it (ADR 0019). */
public enum ExchangePermission implements GrantedPermission {

    /**
     * A department's data work (数据专员): register the department's resources, request another's, decide the
     * requests for its own, revoke grants. Always within the official's own department.
     */
    MANAGE("exchange:manage", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** See who read one's data, when and why, and give or withdraw consent (PIPL). */
    OWN_DATA("exchange:own-data", Role.CITIZEN);

    private final String authority;
    private final Set<Role> roles;

    ExchangePermission(String authority, Role... roles) {
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
