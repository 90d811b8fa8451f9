package org.tongban.portal;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the portal lets an account do: enter a channel, and the manager's service themes. The channel
 * permissions keep their {@code channel:} prefix because they name a channel, not an operation. Each constant names the
 * roles that hold it (ADR 0019).
 */
public enum PortalPermission implements GrantedPermission {

    /** The citizen channel (粤省事-like), {@code /citizen/**}. */
    CITIZEN_CHANNEL("channel:citizen", Role.CITIZEN),
    /** The enterprise channel (粤商通-like), {@code /business/**}. */
    BUSINESS_CHANNEL("channel:business", Role.ENTERPRISE_USER),
    /** The civil servants' channel (粤政易-like), {@code /office/**}. */
    OFFICE_CHANNEL("channel:office", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** The console of managers, the operator and the auditor, {@code /console/**}. */
    CONSOLE_CHANNEL("channel:console", Role.GOVERNMENT_MANAGER, Role.PLATFORM_OPERATOR, Role.AUDITOR),
    /** See the service themes in the console. */
    THEMES_READ("portal:themes-read", Role.GOVERNMENT_MANAGER),
    /** Edit the service themes. */
    THEMES_WRITE("portal:themes-write", Role.GOVERNMENT_MANAGER);

    private final String authority;
    private final Set<Role> roles;

    PortalPermission(String authority, Role... roles) {
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
