package org.tongban.exchange.internal;

/** An access request's state; the stored strings are the names. An approved request is a grant. */
public enum RequestStatus {
    PENDING,
    APPROVED,
    REFUSED,
    REVOKED
}
