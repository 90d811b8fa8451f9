package org.tongban.identity.internal;

import org.tongban.audit.AuditCode;

/** Audit codes of the first start in production ({@link FirstStart}); docs/audit-events.md explains each. */
enum FirstStartAudit implements AuditCode {
    /** The first operator and the first manager were created on an empty installation. */
    FIRST_START_BOOTSTRAPPED,
    /** The bootstrap was asked for again, once administrators existed, and refused. */
    FIRST_START_REFUSED
}
