package org.tongban.identity;

import java.util.Set;
import org.tongban.shared.Permission;

/**
 * A permission of a module that depends on identity, with the roles that hold it: such a module writes its grants
 * on its own enum, since identity cannot name its permissions without a cycle (ADR 0019). Identity's own permissions
 * and those of the modules below it are granted in {@link Role}.
 */
public interface GrantedPermission extends Permission {

    /** The roles that hold this permission; empty only with {@link Permission.NotGranted} on the constant. */
    Set<Role> roles();
}
