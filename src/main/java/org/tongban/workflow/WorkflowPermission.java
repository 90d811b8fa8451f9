package org.tongban.workflow;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the workflow module lets an account do. Each constant names the roles that hold it (ADR 0019).
 */
public enum WorkflowPermission implements GrantedPermission {

    /** Upload and deploy process models. */
    MODELS_WRITE("workflow:models-write", Role.GOVERNMENT_MANAGER);

    private final String authority;
    private final Set<Role> roles;

    WorkflowPermission(String authority, Role... roles) {
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
