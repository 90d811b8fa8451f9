package org.tongban.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.workflow.WorkflowManagement;

/**
 * The applicant answers a correction request (补正): the corrected answers and materials replace the old ones,
 * and the case returns to the step that asked. Checked like a submission; nothing changes when refused.
 */
@Component
public class CorrectCase {

    private final CaseRepository cases;
    private final CatalogManagement catalog;
    private final ApplicantCheck applicants;
    private final MaterialChoices materials;
    private final MaterialStore store;
    private final WorkflowManagement workflow;
    private final TimeLimits limits;
    private final Notices notices;
    private final ApplicationEventPublisher events;

    CorrectCase(
            CaseRepository cases,
            CatalogManagement catalog,
            ApplicantCheck applicants,
            MaterialChoices materials,
            MaterialStore store,
            WorkflowManagement workflow,
            TimeLimits limits,
            Notices notices,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.catalog = catalog;
        this.applicants = applicants;
        this.materials = materials;
        this.store = store;
        this.workflow = workflow;
        this.limits = limits;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public void correct(String number, UUID applicant, Map<String, String> formData, Map<Integer, String> chosen) {
        var kase = cases.lockOwn(number, applicant);
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        var answers = item.form().clean(formData);
        // The case refuses first when no correction was asked; its changes are written only at the end.
        var status = kase.correct(applicant, answers, limits.now(), limits);
        var errors = new LinkedHashMap<>(item.form().check(answers));
        // A correction is checked like a submission: it cannot swap in someone else's ID number or credit code.
        applicants.check(item, applicant, null, answers, errors);
        var checked = materials.check(item, applicant, chosen, number, errors);
        if (!errors.isEmpty()) throw new CaseFormException(errors);
        store.replaceMaterials(number);
        materials.attach(number, item, applicant, checked);
        if (!workflow.completeApplicantTask(number, applicant.toString())) {
            throw new CaseRefusedException("cases.error.noCorrection");
        }
        cases.save(kase);
        events.publishEvent(new CaseActed(number, applicant.toString(), "CORRECT", status.name(), null));
        notices.status(applicant, number, kase.itemCode(), kase.itemVersion(), "CORRECTED");
    }
}
