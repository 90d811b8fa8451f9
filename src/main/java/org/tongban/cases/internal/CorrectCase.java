package org.tongban.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseNotFoundException;
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
    private final CorrectionPoints points;
    private final CaseQueries queries;
    private final EnterpriseStanding standing;

    CorrectCase(
            CaseRepository cases,
            CatalogManagement catalog,
            ApplicantCheck applicants,
            MaterialChoices materials,
            MaterialStore store,
            WorkflowManagement workflow,
            TimeLimits limits,
            Notices notices,
            ApplicationEventPublisher events,
            CorrectionPoints points,
            CaseQueries queries,
            EnterpriseStanding standing) {
        this.standing = standing;
        this.cases = cases;
        this.catalog = catalog;
        this.applicants = applicants;
        this.materials = materials;
        this.store = store;
        this.workflow = workflow;
        this.limits = limits;
        this.notices = notices;
        this.events = events;
        this.points = points;
        this.queries = queries;
    }

    @Transactional
    public void correct(String number, UUID applicant, Map<String, String> formData, Map<Integer, String> chosen) {
        var kase = cases.lockOwn(number, applicant);
        if (!standing.mayReach(applicant, kase.enterpriseCode())) throw new CaseNotFoundException(number);
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        var asked = points.open(number);
        var sameErrors = new LinkedHashMap<String, String>();
        Map<String, String> form = formData;
        Map<Integer, String> picked = chosen;
        if (!asked.isEmpty()) {
            // Only what was asked is taken from the correction; everything else stays as filed.
            var filed = filedMaterials(number);
            var mergedForm = new LinkedHashMap<>(kase.formData());
            var mergedMaterials = new TreeMap<>(filed);
            for (var p : asked) {
                if (p.material()) {
                    int seq = Integer.parseInt(p.target());
                    var given = chosen.getOrDefault(seq, "").strip();
                    // A material asked to be corrected is replaced: the one filed is not taken again.
                    if (given.isEmpty() || given.equals(filed.get(seq)))
                        sameErrors.put("material." + seq, "cases.error.correctionMaterialSame");
                    else mergedMaterials.put(seq, given);
                } else {
                    mergedForm.keySet().removeIf(k -> belongsTo(k, p.target()));
                    formData.forEach((k, v) -> {
                        if (belongsTo(k, p.target())) mergedForm.put(k, v);
                    });
                }
            }
            form = mergedForm;
            picked = mergedMaterials;
        }
        var answers = item.form().clean(form);
        // The case refuses first when no correction was asked; its changes are written only at the end.
        var status = kase.correct(applicant, answers, limits.now(), limits);
        var errors = new LinkedHashMap<>(item.form().check(answers));
        errors.putAll(sameErrors);
        // A correction is checked like a submission: it cannot swap in someone else's ID number or credit code.
        applicants.check(
                item,
                applicant,
                kase.enterpriseCode() == null ? null : ApplicantCheck.ENTERPRISE,
                kase.enterpriseCode(),
                false,
                answers,
                errors);
        var checked = materials.check(item, applicant, picked, number, errors);
        if (!errors.isEmpty()) throw new CaseFormException(errors);
        store.replaceMaterials(number);
        materials.attach(number, item, applicant, checked);
        if (!workflow.completeApplicantTask(number, applicant.toString())) {
            throw new CaseRefusedException("cases.error.noCorrection");
        }
        cases.save(kase);
        points.answer(number, limits.now());
        events.publishEvent(new CaseActed(number, applicant.toString(), "CORRECT", status.name(), null));
        notices.status(applicant, number, kase.itemCode(), kase.itemVersion(), "CORRECTED");
    }

    /** Whether an answer key is the question's, or one of its group's entries ({@code name[0].member}). */
    static boolean belongsTo(String key, String question) {
        return key.equals(question) || key.startsWith(question + "[");
    }

    /** The materials as filed, in the form a page posts them: {@code upload:<id>} or {@code licence:<id>}. */
    private Map<Integer, String> filedMaterials(String number) {
        var filed = new TreeMap<Integer, String>();
        for (var m : queries.materials(number)) {
            if (m.uploadId() != null) filed.put(m.seq(), "upload:" + m.uploadId());
            else if (m.licenseId() != null) filed.put(m.seq(), "licence:" + m.licenseId());
        }
        return filed;
    }
}
