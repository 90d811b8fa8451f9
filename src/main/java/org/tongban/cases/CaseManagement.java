package org.tongban.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.cases.internal.ApplicantQueries;
import org.tongban.cases.internal.CaseSummary;
import org.tongban.cases.internal.CaseView;
import org.tongban.cases.internal.CorrectCase;
import org.tongban.cases.internal.DraftView;
import org.tongban.cases.internal.MaterialChoices;
import org.tongban.cases.internal.SubmitApplication;
import org.tongban.cases.internal.UploadMaterial;
import org.tongban.cases.internal.UploadView;
import org.tongban.cases.internal.WithdrawCase;
import org.tongban.catalog.ItemView;

/**
 * The applicant's side of a case (一网通办): uploads, drafts, submission, the applicant's cases, withdrawal and the
 * answer to a correction request. Each operation is a use case of {@code internal/}, where the {@link
 * org.tongban.cases.internal.Case} aggregate refuses what its state does not allow; this facade names them for the
 * module's pages and API and for other modules. The view records it returns live in {@code internal/} because only
 * this module's controllers read them.
 *
 * <p>A submission files in one transaction: the case row, its materials, its first timeline step, the approval
 * process and the events all commit together, or none of them does (only its number is taken just before, see
 * {@link #submit}). The applicant's idempotency key makes a repeated submit (a double tap, a retry after a lost
 * answer) return the same case. Every other change runs in a transaction of its own, with the case row locked.
 */
@Service
public class CaseManagement {

    /** The largest file an applicant may upload. */
    public static final int MAX_UPLOAD_BYTES = UploadMaterial.MAX_UPLOAD_BYTES;

    private final UploadMaterial uploads;
    private final ApplicantQueries queries;
    private final MaterialChoices materials;
    private final SubmitApplication submission;
    private final WithdrawCase withdrawal;
    private final CorrectCase correction;

    CaseManagement(
            UploadMaterial uploads,
            ApplicantQueries queries,
            MaterialChoices materials,
            SubmitApplication submission,
            WithdrawCase withdrawal,
            CorrectCase correction) {
        this.uploads = uploads;
        this.queries = queries;
        this.materials = materials;
        this.submission = submission;
        this.withdrawal = withdrawal;
        this.correction = correction;
    }

    // Uploads

    /**
     * Keeps an uploaded file for the applicant's application. The type is read from the content (PDF, JPEG or
     * PNG), never from the name; a name whose extension says otherwise, an empty file, one over the limit, or a
     * PDF with active content, embedded files or data after its end is refused.
     */
    public UploadView upload(UUID owner, String fileName, byte[] content) {
        return uploads.upload(owner, fileName, content);
    }

    /** One of the applicant's own uploads; another person's is not found. */
    public Optional<UploadView> upload(UUID id, UUID owner) {
        return queries.upload(id, owner);
    }

    /** The content of one of the applicant's own uploads. */
    public Optional<byte[]> uploadContent(UUID id, UUID owner) {
        return queries.uploadContent(id, owner);
    }

    // Drafts and prefill

    /** Saves the application to finish later; answers are kept as given (checked only on submit). */
    public DraftView saveDraft(
            UUID applicant, String itemCode, Map<String, String> form, Map<Integer, String> materials) {
        return queries.saveDraft(applicant, itemCode, form, materials);
    }

    public Optional<DraftView> draft(UUID applicant, String itemCode) {
        return queries.draft(applicant, itemCode);
    }

    /** The applicant's saved drafts, newest first, to list with their cases and resume. */
    public java.util.List<org.tongban.cases.internal.SavedDraft> drafts(UUID applicant) {
        return queries.drafts(applicant);
    }

    /**
     * Answers the platform already knows for the item's form: name, ID number and phone of the applicant, and the
     * enterprise's credit code and name when the applicant acts for exactly one enterprise.
     */
    public Map<String, String> prefill(UUID applicant, ItemView item) {
        return queries.prefill(applicant, item);
    }

    /** The prefill for an applicant acting for this enterprise (the channel's current one, ADR 0030). */
    public Map<String, String> prefill(
            UUID applicant, ItemView item, org.tongban.identity.@Nullable EnterpriseView actingFor) {
        return queries.prefill(applicant, item, actingFor);
    }

    /**
     * The trust level the item needs when the applicant's is lower (the page then says how to raise it); empty when
     * the applicant's level is enough.
     */
    public OptionalInt missingTrustLevel(UUID applicant, ItemView item) {
        return queries.missingTrustLevel(applicant, item);
    }

    /** The applicant's licenses that can replace a material, when the license service is available. */
    public List<LicenseEvidence.LicenseOption> licenseOptions(UUID applicant, String licenseType) {
        return materials.licenseOptions(applicant, licenseType);
    }

    public boolean licensesAvailable() {
        return materials.licensesAvailable();
    }

    // Submission

    /**
     * The errors a submission of these answers and materials in this channel would meet, without writing anything.
     * Throws, like {@link #submit}, when the applicant may not file the item in the channel at all.
     */
    public Map<String, String> check(
            UUID applicant,
            String itemCode,
            @Nullable String channel,
            Map<String, String> form,
            Map<Integer, String> materials) {
        return submission.check(applicant, itemCode, channel, null, form, materials);
    }

    /** As {@link #check(UUID, String, String, Map, Map)}, filed as this enterprise (a credit code) when given. */
    public Map<String, String> check(
            UUID applicant,
            String itemCode,
            @Nullable String channel,
            @Nullable String enterprise,
            Map<String, String> form,
            Map<Integer, String> materials) {
        return submission.check(applicant, itemCode, channel, enterprise, form, materials);
    }

    /**
     * Refuses, audited, an application of the item in a channel it is not offered in: a person-only item filed as an
     * enterprise, or an enterprise-only item filed as a person ({@link CaseRefusedException}, always thrown).
     */
    public void refuseChannel(UUID applicant, ItemView item, String channel) {
        submission.refuseChannel(applicant, item, channel);
    }

    /**
     * Files the application and returns its case number (the same number for the same idempotency key): checked,
     * numbered in a short transaction of its own, then filed with its process and events in one transaction.
     * Refused with {@link CaseFormException} (field errors) or {@link CaseRefusedException}; nothing is filed then.
     */
    public String submit(SubmitCase command) {
        return submission.submit(command);
    }

    /** The person's own cases (not those filed as an enterprise), newest first. */
    public List<CaseSummary> mine(UUID applicant) {
        return queries.mine(applicant);
    }

    /**
     * The cases filed as this enterprise, newest first. The caller has checked that the account acts for it now
     * ({@code @CurrentEnterprise}, ADR 0030).
     */
    public List<CaseSummary> ofEnterprise(org.tongban.identity.EnterpriseView enterprise) {
        return queries.ofEnterprise(enterprise.creditCode());
    }

    /** The numbers of the cases filed as this enterprise (checked as above), newest first, for other modules. */
    public List<String> numbersOfEnterprise(org.tongban.identity.EnterpriseView enterprise) {
        return queries.ofEnterprise(enterprise.creditCode()).stream()
                .map(CaseSummary::number)
                .toList();
    }

    /** One case filed as this enterprise (checked as above); a person's own case or another enterprise's is not found. */
    public CaseView ofEnterprise(String number, org.tongban.identity.EnterpriseView enterprise) {
        return queries.ofEnterprise(number, enterprise.creditCode());
    }

    /**
     * One of the cases the applicant filed, with its timeline: the person's own, or one filed as an enterprise the
     * person still acts for; another person's case is not found.
     */
    public CaseView mine(String number, UUID applicant) {
        return queries.mine(number, applicant);
    }

    /** The applicant withdraws a case the department has not accepted yet (撤回); the process is cancelled. */
    public void withdraw(String number, UUID applicant, @Nullable String reason) {
        withdrawal.withdraw(number, applicant, reason);
    }

    /**
     * The applicant answers a correction request (补正): the corrected answers and materials replace the old ones,
     * and the case returns to the step that asked. Checked like a submission; nothing changes when refused.
     */
    public void correct(String number, UUID applicant, Map<String, String> formData, Map<Integer, String> chosen) {
        correction.correct(number, applicant, formData, chosen);
    }
}
