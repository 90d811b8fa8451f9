package org.tongban.notices;

import org.tongban.audit.AuditCode;

/** Audit codes of the notices module; docs/audit-events.md explains each. */
public enum NoticeAudit implements AuditCode {
    NOTICE_SENT,
    NOTICE_REMINDED,
    MEETING_CALLED,
    MEETING_REPLIED,
    MEETING_CANCELLED,
    MEETING_REMINDED,
    NOTICE_REFUSED
}
