package org.tongban.insight.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseSubmitted;
import org.tongban.licenses.LicenseIssued;
import org.tongban.licenses.LicenseShown;
import org.tongban.ratings.CaseRated;
import org.tongban.ratings.RectificationClosed;

/**
 * The events that keep the dashboards' read models (ADR 0044): after the publisher's commit, each in a transaction
 * of its own, retried from the event publication registry; every one is idempotent.
 */
@Component
class InsightListeners {

    private final CaseFactStore cases;
    private final OtherFactStore others;

    InsightListeners(CaseFactStore cases, OtherFactStore others) {
        this.cases = cases;
        this.others = others;
    }

    @ApplicationModuleListener
    void on(CaseSubmitted event) {
        cases.refresh(event.number());
    }

    @ApplicationModuleListener
    void on(CaseActed event) {
        cases.refresh(event.number());
    }

    @ApplicationModuleListener
    void on(CaseConcluded event) {
        cases.refresh(event.number());
    }

    @ApplicationModuleListener
    void on(CaseRated event) {
        others.rated(event.caseNumber(), event.departmentCode(), event.itemCode(), event.level(), event.ratedAt());
    }

    @ApplicationModuleListener
    void on(RectificationClosed event) {
        others.rectified(event.caseNumber());
    }

    @ApplicationModuleListener
    void on(LicenseIssued event) {
        others.issued(event.identifier(), event.type(), event.issuerDepartment(), event.issuedAt());
    }

    @ApplicationModuleListener
    void on(LicenseShown event) {
        others.shown(event.id(), event.identifier(), event.issuerDepartment(), event.at());
    }
}
