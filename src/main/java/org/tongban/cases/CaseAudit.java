package org.tongban.cases;

import org.tongban.audit.AuditCode;

/** Audit codes of the cases module. */
public enum CaseAudit implements AuditCode {
    CASE_SUBMITTED,
    CASE_ACTED,
    CASE_CONCLUDED,
    MATERIAL_UPLOADED,
    CASE_FILING_REFUSED
}
