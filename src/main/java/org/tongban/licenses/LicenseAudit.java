package org.tongban.licenses;

import org.tongban.audit.AuditCode;

/** Audit codes of the licences module; docs/audit-events.md explains each. */
public enum LicenseAudit implements AuditCode {
    LICENCE_ISSUED,
    LICENCE_ISSUE_REFUSED,
    LICENCE_BATCH_IMPORTED,
    LICENCE_CASE_NOT_ISSUED,
    LICENCE_STATUS_CHANGED,
    LICENCE_STATUS_REFUSED,
    LICENCES_EXPIRED,
    LICENCE_SHOWN,
    LICENCE_ACCESS_DENIED,
    LICENCE_READ_BY_OFFICIAL,
    LICENCE_KEY_CREATED,
    LICENCE_KEY_ROTATED
}
