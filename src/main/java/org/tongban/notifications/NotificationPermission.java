package org.tongban.notifications;

import org.tongban.shared.Permission;

/**
 * What the message centre lets an account do. Roles grant these in {@code identity.Role}: identity depends on this
 * module, so this module cannot name the roles (ADR 0019).
 */
public enum NotificationPermission implements Permission {

    /** Read one's own messages; every role holds it. */
    READ_OWN("notifications:read-own"),

    /** See failed and dead deliveries and try one again (the platform operator, /console/notifications). */
    DELIVERIES_MANAGE("notifications:deliveries");

    private final String authority;

    NotificationPermission(String authority) {
        this.authority = authority;
    }

    @Override
    public String authority() {
        return authority;
    }
}
