package org.tongban.platform;

import java.util.Map;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** The manager added, changed or removed a day of the working-day calendar. */
public record CalendarChanged(String day, String kind, String actor) implements Audited {

    public enum Code implements AuditCode {
        CALENDAR_CHANGED
    }

    @Override
    public AuditCode auditCode() {
        return Code.CALENDAR_CHANGED;
    }

    @Override
    public String auditActor() {
        return actor;
    }

    @Override
    public String auditSubject() {
        return day;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("kind", kind);
    }
}
