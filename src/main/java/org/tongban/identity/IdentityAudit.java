package org.tongban.identity;

import org.tongban.audit.AuditCode;

/** Audit codes of the identity module; docs/audit-events.md explains each. */
public enum IdentityAudit implements AuditCode {
    ACCOUNT_REGISTERED,
    REGISTRATION_REFUSED,
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    ONE_TIME_CODE_SENT,
    PASSKEY_ADDED,
    PASSKEY_REMOVED,
    PASSKEY_RENAMED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    PERSONAL_DATA_READ,
    PHONE_CHANGED,
    TRUST_LEVEL_RAISED,
    SIGNED_OUT_EVERYWHERE,
    ACCESS_DENIED,
    ONE_TIME_CODE_REFUSED,
    PASSWORD_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED
}
