package org.tongban.platform;

import org.tongban.shared.Permission;

/**
 * What the platform module lets an account do. Roles grant these in {@code identity.Role}: identity depends on this
 * module, so this module cannot name the roles (ADR 0019).
 */
public enum PlatformPermission implements Permission {

    /** See the platform settings and the operator's endpoints (actuator). */
    SETTINGS_READ("platform:settings-read"),
    /** Change the platform settings (运). */
    SETTINGS_WRITE("platform:settings-write"),
    /** Maintain the working-day calendar (holidays and adjusted working days). */
    CALENDAR_WRITE("platform:calendar-write");

    private final String authority;

    PlatformPermission(String authority) {
        this.authority = authority;
    }

    @Override
    public String authority() {
        return authority;
    }
}
