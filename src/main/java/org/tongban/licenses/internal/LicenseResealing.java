package org.tongban.licenses.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldResealing;

/** After a rotation of the field key, reseals the licenses' encrypted documents with the newest key (at start-up). */
@Component
class LicenseResealing {

    private final FieldResealing resealing;

    LicenseResealing(FieldResealing resealing) {
        this.resealing = resealing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resealing.reseal(
                "licenses.license", "identifier", "text", "content", identifier -> Issuer.CONTENT + identifier);
    }
}
