package org.tongban.notifications.internal;

import org.tongban.audit.AuditCode;

/** Audit codes of the notifications module; docs/audit-events.md explains each. */
enum NotificationAudit implements AuditCode {
    /** The operator tried a failed or dead delivery once more. */
    DELIVERY_RETRIED
}
