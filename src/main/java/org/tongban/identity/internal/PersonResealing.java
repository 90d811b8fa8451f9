package org.tongban.identity.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldResealing;

/** After a rotation of the field key, reseals persons' ID numbers and phones with the newest key (at start-up). */
@Component
class PersonResealing {

    private final FieldResealing resealing;

    PersonResealing(FieldResealing resealing) {
        this.resealing = resealing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resealing.reseal("identity.person", "id", "uuid", "id_number_enc", id -> PersonStore.ID_NUMBER);
        resealing.reseal("identity.person", "id", "uuid", "phone_enc", id -> PersonStore.PHONE);
    }
}
