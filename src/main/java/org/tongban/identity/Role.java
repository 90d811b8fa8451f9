package org.tongban.identity;

import java.util.Set;
import org.tongban.audit.AuditPermission;
import org.tongban.notifications.NotificationPermission;
import org.tongban.platform.PlatformPermission;
import org.tongban.shared.Permission;

/**
 * What an account may do. Pages and API methods check permissions, never role names, so that duties can be re-cut
 * without touching controllers. Each module declares its permissions ({@link Permission}, ADR 0019); a grant is
 * written where both the role and the permission can be named: here for identity's own permissions and those of the
 * modules identity depends on (audit, notifications, platform), and on the permission enum of every module that
 * depends on identity ({@link GrantedPermission}). {@code RolePermissions} in {@code internal} assembles both.
 * Separation of duties (管运分离, 三员): the government manager changes content such as catalogue and themes but not
 * platform settings or other roles' accounts; the operator changes platform settings and unlocks accounts but not
 * content; the auditor reads the audit trail and nothing else.
 */
public enum Role {
    CITIZEN(
            IdentityPermission.READ_OWN,
            IdentityPermission.UPDATE_OWN,
            NotificationPermission.READ_OWN,
            IdentityPermission.ENTERPRISE_CLAIM),
    ENTERPRISE_USER(
            IdentityPermission.READ_OWN,
            IdentityPermission.UPDATE_OWN,
            NotificationPermission.READ_OWN,
            IdentityPermission.ENTERPRISE_CLAIM),
    OFFICIAL(
            IdentityPermission.READ_OWN,
            IdentityPermission.UPDATE_OWN,
            NotificationPermission.READ_OWN,
            IdentityPermission.PERSON_READ),
    DEPARTMENT_ADMIN(
            IdentityPermission.READ_OWN,
            IdentityPermission.UPDATE_OWN,
            NotificationPermission.READ_OWN,
            IdentityPermission.PERSON_READ,
            IdentityPermission.DEPARTMENT_MANAGE),
    GOVERNMENT_MANAGER(
            IdentityPermission.READ_OWN,
            IdentityPermission.UPDATE_OWN,
            NotificationPermission.READ_OWN,
            PlatformPermission.CALENDAR_WRITE),
    PLATFORM_OPERATOR(
            IdentityPermission.READ_OWN,
            IdentityPermission.UPDATE_OWN,
            NotificationPermission.READ_OWN,
            PlatformPermission.SETTINGS_WRITE,
            PlatformPermission.SETTINGS_READ,
            IdentityPermission.ACCOUNTS_UNLOCK,
            NotificationPermission.DELIVERIES_MANAGE),
    AUDITOR(IdentityPermission.READ_OWN, NotificationPermission.READ_OWN, AuditPermission.READ);

    private final Set<Permission> grants;

    Role(Permission... grants) {
        this.grants = Set.of(grants);
    }

    /**
     * The permissions granted here: identity's and those of audit, notifications and platform. Not all the role
     * may do: the modules that depend on identity grant theirs on their own enums ({@code RolePermissions} has both).
     */
    public Set<Permission> grants() {
        return grants;
    }

    /** The Spring Security authority that names the role itself. */
    public String authority() {
        return "ROLE_" + name();
    }
}
