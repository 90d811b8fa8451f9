package org.tongban.portal;

import org.tongban.audit.AuditCode;

/** Audit codes of the portal module. */
public enum PortalAudit implements AuditCode {
    THEME_CHANGED
}
