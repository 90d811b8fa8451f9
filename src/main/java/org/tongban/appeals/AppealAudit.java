package org.tongban.appeals;

import org.tongban.audit.AuditCode;

/** Audit codes of the appeals module; docs/audit-events.md explains each. */
public enum AppealAudit implements AuditCode {
    APPEAL_SUBMITTED,
    APPEAL_ACCEPTED,
    APPEAL_TRANSFERRED,
    APPEAL_REPLIED,
    APPEAL_RATED,
    APPEAL_REOPENED,
    APPEAL_REFUSED
}
