package org.tongban.cases.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.catalog.ItemView;
import org.tongban.identity.Persons;

/**
 * What applicants read and keep before filing: their uploads, their drafts (saved as given, checked only on
 * submit), the answers the platform already knows, the trust level an item needs, and their cases. Another
 * person's upload, draft or case is not found.
 */
@Component
public class ApplicantQueries {

    private final CaseQueries cases;
    private final MaterialStore materials;
    private final DraftStore drafts;
    private final ApplicantCheck applicants;
    private final Persons identity;
    private final TimeLimits limits;
    private final EnterpriseStanding standing;

    ApplicantQueries(
            CaseQueries cases,
            MaterialStore materials,
            DraftStore drafts,
            ApplicantCheck applicants,
            Persons identity,
            TimeLimits limits,
            EnterpriseStanding standing) {
        this.standing = standing;
        this.cases = cases;
        this.materials = materials;
        this.drafts = drafts;
        this.applicants = applicants;
        this.identity = identity;
        this.limits = limits;
    }

    @Transactional(readOnly = true)
    public Optional<UploadView> upload(UUID id, UUID owner) {
        return materials.upload(id).filter(u -> u.owner().equals(owner)).map(u -> u.view());
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> uploadContent(UUID id, UUID owner) {
        return materials.upload(id).filter(u -> u.owner().equals(owner)).flatMap(u -> materials.content(id));
    }

    @Transactional
    public DraftView saveDraft(UUID applicant, String itemCode, Map<String, String> form, Map<Integer, String> chosen) {
        var item = applicants.offered(itemCode);
        var answers = item.form().clean(form);
        var at = limits.now();
        drafts.saveDraft(applicant, item.code(), answers, chosen, at);
        return new DraftView(item.code(), answers, Map.copyOf(chosen), at);
    }

    @Transactional(readOnly = true)
    public Optional<DraftView> draft(UUID applicant, String itemCode) {
        return drafts.draft(applicant, itemCode);
    }

    @Transactional(readOnly = true)
    public java.util.List<SavedDraft> drafts(UUID applicant) {
        return drafts.drafts(applicant);
    }

    /**
     * Answers the platform already knows for the item's form: name, ID number and phone of the applicant, and the
     * enterprise's credit code and name when the applicant acts for exactly one enterprise.
     */
    @Transactional(readOnly = true)
    public Map<String, String> prefill(UUID applicant, ItemView item) {
        return prefill(applicant, item, null);
    }

    /**
     * As {@link #prefill(UUID, ItemView)}, the enterprise being the one the applicant acts for in this request (the
     * enterprise channel's current enterprise, ADR 0030), when given.
     */
    @Transactional(readOnly = true)
    public Map<String, String> prefill(
            UUID applicant, ItemView item, org.tongban.identity.@Nullable EnterpriseView actingFor) {
        var facts = identity.ownFacts(applicant);
        var enterprise = actingFor == null
                ? applicants.enterpriseFacts(applicant)
                : Map.of("creditCode", actingFor.creditCode(), "enterpriseName", actingFor.name());
        var values = new HashMap<String, String>();
        for (var field : item.form().fields()) {
            if (field.prefill() != null && facts.containsKey(field.prefill()))
                values.put(field.name(), facts.get(field.prefill()));
            else if (!field.group() && enterprise.containsKey(field.name()))
                values.put(field.name(), enterprise.get(field.name()));
        }
        return values;
    }

    /** The trust level the item needs when the applicant's is lower; empty when the applicant's is enough. */
    @Transactional(readOnly = true)
    public OptionalInt missingTrustLevel(UUID applicant, ItemView item) {
        int level = identity.profile(applicant).trustLevel();
        return level < item.minTrustLevel() ? OptionalInt.of(item.minTrustLevel()) : OptionalInt.empty();
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> mine(UUID applicant) {
        return cases.forApplicant(applicant);
    }

    @Transactional(readOnly = true)
    public CaseView mine(String number, UUID applicant) {
        return cases.forApplicant(own(number, applicant));
    }

    /**
     * One of the cases the applicant filed, as read: the person's own, or one filed as an enterprise the person still
     * acts for; another person's is not found.
     */
    public CaseRow own(String number, UUID applicant) {
        return cases.full(number)
                .filter(r -> r.applicant().equals(applicant))
                .filter(r -> standing.mayReach(applicant, r.enterpriseCode()))
                .orElseThrow(() -> new CaseNotFoundException(number));
    }

    /** The cases filed as this enterprise (the caller checked it acts for it), newest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> ofEnterprise(String creditCode) {
        return cases.forEnterprise(creditCode);
    }

    /**
     * One case filed as this enterprise, by whoever acted for it (the caller checked it acts for the enterprise); a
     * person's own case, or another enterprise's, is not found.
     */
    @Transactional(readOnly = true)
    public CaseView ofEnterprise(String number, String creditCode) {
        return cases.full(number)
                .filter(r -> creditCode.equals(r.enterpriseCode()))
                .map(cases::forApplicant)
                .orElseThrow(() -> new CaseNotFoundException(number));
    }
}
