package org.tongban.licenses.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldResealing;

/** After a rotation of the field key, reseals the licences' encrypted documents with the newest key (at start-up). */
@Component
class LicenceResealing {

    private final FieldResealing resealing;

    LicenceResealing(FieldResealing resealing) {
        this.resealing = resealing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resealing.reseal("licenses.license", "identifier", "text", "content", identifier -> Issuer.CONTENT + identifier);
    }
}
