package org.tongban.healthcode;

import org.tongban.audit.AuditCode;

/** Audit codes of the health code; docs/audit-events.md explains each. */
public enum HealthCodeAudit implements AuditCode {
    HEALTHCODE_CARD_PRINTED,
    HEALTHCODE_CARD_PRINTED_AT_COUNTER,
    HEALTHCODE_VERIFY_REFUSED,
    HEALTHCODE_VENUE_REGISTERED,
    HEALTHCODE_REFUSED
}
