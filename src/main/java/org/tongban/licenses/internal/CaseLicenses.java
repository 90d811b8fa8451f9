package org.tongban.licenses.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseConcluded;

/** Issues the result license of an approved case (办结出证). Idempotent: the case number and type are unique. */
@Component
class CaseLicenses {

    private final LicenseIssuance issuance;

    CaseLicenses(LicenseIssuance issuance) {
        this.issuance = issuance;
    }

    @ApplicationModuleListener
    void on(CaseConcluded event) {
        issuance.issueForCase(event);
    }
}
