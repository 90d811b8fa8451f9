package org.tongban.ratings;

import org.tongban.audit.AuditCode;

/** Audit codes of the ratings module; docs/audit-events.md explains each. */
public enum RatingAudit implements AuditCode {
    CASE_RATED,
    RATING_REFUSED,
    RECTIFICATION_OPENED,
    RECTIFICATION_FOLLOWED_UP,
    RECTIFICATION_RESPONDED,
    RECTIFICATION_CLOSED
}
