package org.tongban.audit;

/** How the audited attempt ended. */
public enum AuditResult {
    SUCCESS,
    FAILURE,
    DENIED
}
