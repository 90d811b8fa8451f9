package org.tongban.licenses.internal;

/** Whether a use authorisation works now: in force, past its date, or withdrawn by the holder. */
public enum GrantStatus {
    ACTIVE,
    EXPIRED,
    WITHDRAWN
}
