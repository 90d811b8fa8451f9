package org.tongban.platform;

import java.util.Map;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** The operator changed a platform setting. */
public record SettingChanged(String key, String oldValue, String newValue, String actor) implements Audited {

    public enum Code implements AuditCode {
        SETTING_CHANGED
    }

    @Override
    public AuditCode auditCode() {
        return Code.SETTING_CHANGED;
    }

    @Override
    public String auditActor() {
        return actor;
    }

    @Override
    public String auditSubject() {
        return key;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("from", oldValue, "to", newValue);
    }
}
