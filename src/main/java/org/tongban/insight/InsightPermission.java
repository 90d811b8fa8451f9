package org.tongban.insight;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the dashboards let an account see (ADR 0019, 0044): the manager the whole province, a department admin the
 * own department only. Not citizens, not officials, not the operator (管运分离: the operator runs the platform and
 * does not read how the government performs).
 */
public enum InsightPermission implements GrantedPermission {

    /** The province's figures, every department's cases behind them, the wall screen. */
    PROVINCE("insight:province", Role.GOVERNMENT_MANAGER),
    /** The own department's figures and cases. */
    DEPARTMENT("insight:department", Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    InsightPermission(String authority, Role... roles) {
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
