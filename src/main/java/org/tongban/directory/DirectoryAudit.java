package org.tongban.directory;

import org.tongban.audit.AuditCode;

/** Audit codes of the directory module; docs/audit-events.md explains each. */
public enum DirectoryAudit implements AuditCode {
    /** An official changed who may see one or more of their contact details. */
    DIRECTORY_VISIBILITY_CHANGED
}
