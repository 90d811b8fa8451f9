package org.tongban.healthcode;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/** What the health code lets an account do (ADR 0019). */
public enum HealthCodePermission implements GrantedPermission {
    /** See one's own health code, print one's offline card, scan venue codes and see one's visits. */
    OWN("healthcode:own", Role.CITIZEN),
    /**
     * An official of the health department: print the offline card of a person at the window by ID number. Other
     * departments' officials hold it too but are refused (checked against the department).
     */
    COUNTER("healthcode:counter", Role.OFFICIAL),
    /** Register venues (场所码) of one's own department and see their visit counts, never the visitors. */
    VENUES("healthcode:venues", Role.OFFICIAL, Role.DEPARTMENT_ADMIN);

    private final String authority;
    private final Set<Role> roles;

    HealthCodePermission(String authority, Role... roles) {
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
