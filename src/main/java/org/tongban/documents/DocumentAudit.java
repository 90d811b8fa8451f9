package org.tongban.documents;

import org.tongban.audit.AuditCode;

/** Audit codes of the documents module; docs/audit-events.md explains each. */
public enum DocumentAudit implements AuditCode {
    DOCUMENT_DRAFTED,
    DOCUMENT_ACTED,
    DOCUMENT_SIGNED,
    DOCUMENT_SEALED,
    DOCUMENT_DISPATCHED,
    DOCUMENT_RECEIPT_ACTED,
    DOCUMENT_REFUSED,
    DOCUMENT_SHORT_NAME_SET
}
