package org.tongban.insight;

import org.tongban.audit.AuditCode;

/** Audit codes of the insight module; docs/audit-events.md explains each. */
public enum InsightAudit implements AuditCode {
    /** A department admin asked for another department's figures or cases. */
    INSIGHT_ACCESS_DENIED,
    /** Figures or the cases behind one were exported as CSV. */
    INSIGHT_EXPORTED
}
