package org.tongban.catalog;

import java.util.Map;
import org.tongban.audit.Audited;

/** A manager changed an item: saved a draft, published a version or withdrew the item. */
public record ItemChanged(CatalogAudit change, String code, int version, String actor) implements Audited {

    @Override
    public CatalogAudit auditCode() {
        return change;
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
        return Map.of("version", Integer.toString(version));
    }
}
