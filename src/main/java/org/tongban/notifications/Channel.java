package org.tongban.notifications;

/** Where a message goes besides the in-app message centre. */
public enum Channel {
    SMS,
    EMAIL
}
