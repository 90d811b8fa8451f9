package org.tongban.catalog;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the catalogue lets an account do. Each constant names the roles that hold it (ADR 0019).
 */
public enum CatalogPermission implements GrantedPermission {

    /** Draft, publish and withdraw service items (管). */
    ITEMS_WRITE("catalog:items-write", Role.GOVERNMENT_MANAGER);

    private final String authority;
    private final Set<Role> roles;

    CatalogPermission(String authority, Role... roles) {
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
