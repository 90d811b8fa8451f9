package org.tongban.policies;

import org.tongban.audit.AuditCode;

/** Audit codes of the policies module; docs/audit-events.md explains each. */
public enum PolicyAudit implements AuditCode {
    POLICY_DRAFTED,
    POLICY_PUBLISHED,
    POLICY_WITHDRAWN,
    POLICY_BENEFITS_GRANTED,
    POLICY_APPLY_OPENED,
    POLICY_REFUSED,
    POLICY_PROFILE_UPDATED
}
