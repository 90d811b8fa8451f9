package org.tongban.portal;

import java.util.Map;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** A manager changed a service theme's visibility or order. */
public record ThemeChanged(String code, String actor, boolean visible, int sortOrder) implements Audited {
    @Override
    public AuditCode auditCode() {
        return PortalAudit.THEME_CHANGED;
    }

    @Override
    public String auditActor() {
        return actor;
    }

    @Override
    public String auditSubject() {
        return code;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("visible", Boolean.toString(visible), "sortOrder", Integer.toString(sortOrder));
    }
}
