package org.tongban.workflow;

import org.tongban.audit.AuditCode;

/** Audit codes of the workflow module. */
public enum WorkflowAudit implements AuditCode {
    /** A manager uploaded a process model and it was deployed (a new version when the key existed). */
    PROCESS_MODEL_DEPLOYED,
    /** A manager's upload was refused: not BPMN 2.0, invalid, or outside Tongban's contract. Nothing was deployed. */
    PROCESS_MODEL_REFUSED
}
