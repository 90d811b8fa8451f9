package org.tongban.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.internal.CaseStore;
import org.tongban.cases.internal.CaseStore.CaseRow;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemView;
import org.tongban.catalog.MaterialView;
import org.tongban.identity.Persons;
import org.tongban.shared.GmCrypto;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.workflow.StartProcess;
import org.tongban.workflow.WorkflowManagement;

/**
 * The applicant's side of a case (一网通办): uploads, drafts, submission, the applicant's cases, withdrawal and the
 * answer to a correction request. A submission files in one transaction: the case row, its materials, its first
 * timeline step, the approval process and the events all commit together, or none of them does (only its number
 * is taken just before, see {@link #submit}). The applicant's
 * idempotency key makes a repeated submit (a double tap, a retry after a lost answer) return the same case.
 */
@Service
public class CaseManagement {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The largest file an applicant may upload. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final CaseStore cases;
    private final CatalogManagement catalog;
    private final WorkflowManagement workflow;
    private final Persons identity;
    private final WorkingDayCalendar calendar;
    private final ObjectProvider<LicenceEvidence> licences;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate numbering;
    private final TransactionTemplate filing;
    private final ApplicantCheck applicants;

    CaseManagement(CaseStore cases, CatalogManagement catalog, WorkflowManagement workflow, Persons identity,
            WorkingDayCalendar calendar, ObjectProvider<LicenceEvidence> licences, Notices notices,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, ApplicantCheck applicants,
            Clock clock) {
        this.clock = clock;
        this.applicants = applicants;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.numbering = new TransactionTemplate(transactions);
        this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.filing = new TransactionTemplate(transactions);
        this.cases = cases;
        this.catalog = catalog;
        this.workflow = workflow;
        this.identity = identity;
        this.calendar = calendar;
        this.licences = licences;
        this.notices = notices;
        this.events = events;
    }

    // Uploads

    /**
     * Keeps an uploaded file for the applicant's application. The type is read from the content (PDF, JPEG or
     * PNG), never from the name; a name whose extension says otherwise, an empty file, one over the limit, or a
     * PDF with active content, embedded files or data after its end is refused.
     */
    @Transactional
    public UploadView upload(UUID owner, String fileName, byte[] content) {
        var name = fileName == null ? "" : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.isEmpty() || name.length() > 200) throw new CaseRefusedException("cases.error.fileName");
        if (content.length == 0) throw new CaseRefusedException("cases.error.fileEmpty");
        if (content.length > MAX_UPLOAD_BYTES) throw new CaseRefusedException("cases.error.fileTooLarge");
        var type = FileTypes.sniff(content).orElseThrow(() -> new CaseRefusedException("cases.error.fileType"));
        if (!FileTypes.extensionFits(name, type)) throw new CaseRefusedException("cases.error.fileExtension");
        if (type.equals("application/pdf")) {
            var refused = PdfCheck.refusal(content);
            if (refused.isPresent()) throw new CaseRefusedException(refused.get());
        }
        var id = UUID.randomUUID();
        var digest = GmCrypto.hex(GmCrypto.sm3(content));
        var at = Instant.now(clock);
        cases.saveUpload(id, owner, name, type, content, digest, at);
        events.publishEvent(new MaterialUploaded(owner, id, type, content.length, digest));
        return new UploadView(id, name, type, content.length, at);
    }

    /** One of the applicant's own uploads; another person's is not found. */
    @Transactional(readOnly = true)
    public Optional<UploadView> upload(UUID id, UUID owner) {
        return cases.upload(id).filter(u -> u.owner().equals(owner)).map(u -> u.view());
    }

    /** The content of one of the applicant's own uploads. */
    @Transactional(readOnly = true)
    public Optional<byte[]> uploadContent(UUID id, UUID owner) {
        return cases.upload(id).filter(u -> u.owner().equals(owner)).flatMap(u -> cases.content(id));
    }

    // Drafts and prefill

    /** Saves the application to finish later; answers are kept as given (checked only on submit). */
    @Transactional
    public DraftView saveDraft(UUID applicant, String itemCode, Map<String, String> form, Map<Integer, String> materials) {
        var item = offered(itemCode);
        var answers = item.form().clean(form);
        var at = Instant.now(clock);
        cases.saveDraft(applicant, item.code(), answers, materials, at);
        return new DraftView(item.code(), answers, Map.copyOf(materials), at);
    }

    @Transactional(readOnly = true)
    public Optional<DraftView> draft(UUID applicant, String itemCode) {
        return cases.draft(applicant, itemCode);
    }

    /**
     * Answers the platform already knows for the item's form: name, ID number and phone of the applicant, and the
     * enterprise's credit code and name when the applicant acts for exactly one enterprise.
     */
    @Transactional(readOnly = true)
    public Map<String, String> prefill(UUID applicant, ItemView item) {
        var facts = identity.ownFacts(applicant);
        var enterprise = applicants.enterpriseFacts(applicant);
        var values = new HashMap<String, String>();
        for (var field : item.form().fields()) {
            if (field.prefill() != null && facts.containsKey(field.prefill())) values.put(field.name(), facts.get(field.prefill()));
            else if (!field.group() && enterprise.containsKey(field.name())) values.put(field.name(), enterprise.get(field.name()));
        }
        return values;
    }

    /**
     * The trust level the item needs when the applicant's is lower (the page then says how to raise it); empty when
     * the applicant's level is enough.
     */
    @Transactional(readOnly = true)
    public java.util.OptionalInt missingTrustLevel(UUID applicant, ItemView item) {
        int level = identity.profile(applicant).trustLevel();
        return level < item.minTrustLevel() ? java.util.OptionalInt.of(item.minTrustLevel()) : java.util.OptionalInt.empty();
    }

    /** The applicant's licences that can replace a material, when the licence service is available. */
    @Transactional(readOnly = true)
    public List<LicenceEvidence.LicenceOption> licenceOptions(UUID applicant, String licenceType) {
        var port = licences.getIfAvailable();
        return port == null ? List.of() : port.available(applicant, licenceType);
    }

    public boolean licencesAvailable() {
        return licences.getIfAvailable() != null;
    }

    // Submission

    /**
     * The errors a submission of these answers and materials in this channel would meet, without writing anything.
     * Throws, like {@link #submit}, when the applicant may not file the item in the channel at all.
     */
    @Transactional(readOnly = true)
    public Map<String, String> check(UUID applicant, String itemCode, @Nullable String channel, Map<String, String> form,
            Map<Integer, String> materials) {
        var item = offered(itemCode);
        var answers = item.form().clean(form);
        var errors = new LinkedHashMap<>(item.form().check(answers));
        applicants.check(item, applicant, channel, answers, errors);
        checkMaterials(item, applicant, materials, null, errors);
        return errors;
    }

    /**
     * Files the application and returns its case number (the same number for the same idempotency key).
     *
     * <p>Three steps, so that applications of one item on one day do not queue behind each other: the answers and
     * materials are checked (nothing is written when they are refused); the number is taken from the item's daily
     * sequence in a short transaction of its own, so the sequence row is locked only for that moment; then the case,
     * its materials, its first step, the process and the events commit together in one transaction, which checks
     * everything again. A number taken by a submission that then fails is not used again (numbers may have gaps;
     * they are never shared).
     */
    public String submit(SubmitCase command) {
        var key = command.idempotencyKey() == null ? "" : command.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw new CaseRefusedException("cases.error.idempotencyKey");
        var existing = readOnly.execute(s -> cases.numberFor(command.applicant(), key));
        if (existing.isPresent()) return existing.get();
        var item = readOnly.execute(s -> {
            var offered = offered(command.itemCode());
            validate(offered, command);
            return offered;
        });
        var today = LocalDate.now(clock);
        int sequence = numbering.execute(s -> cases.nextSequence(item.code(), today));
        var number = "%s-%s-%04d".formatted(item.code(), DAY.format(today), sequence);
        return filing.execute(s -> file(command, key, number));
    }

    private List<Chosen> validate(ItemView item, SubmitCase command) {
        var answers = item.form().clean(command.formData());
        var errors = new LinkedHashMap<>(item.form().check(answers));
        applicants.check(item, command.applicant(), command.channel(), answers, errors);
        var materials = checkMaterials(item, command.applicant(), command.materials(), null, errors);
        if (!errors.isEmpty()) throw new CaseFormException(errors);
        return materials;
    }

    private String file(SubmitCase command, String key, String number) {
        var item = offered(command.itemCode());
        var answers = item.form().clean(command.formData());
        var materials = validate(item, command);
        var processKey = item.jointApproval() ? "jointApproval" : item.processKey();
        if (!cases.insert(number, item.code(), item.version(), item.departmentCode(), item.jointDepartments(), processKey,
                command.applicant(), key, answers, Instant.now(clock))) {
            // The same applicant and key were filed by a concurrent request; this request's number stays unused.
            return cases.numberFor(command.applicant(), key).orElseThrow();
        }
        attach(number, item, command.applicant(), materials);
        cases.step(number, "SUBMITTED", command.applicant().toString(), null, null);
        var variables = new HashMap<String, Object>();
        variables.put("applicant", command.applicant().toString());
        variables.put("itemCode", item.code());
        variables.put("itemVersion", Integer.toString(item.version()));
        if (item.jointApproval()) variables.put("jointDepartments", item.jointDepartments());
        workflow.start(new StartProcess(processKey, number, item.departmentCode(), variables));
        cases.deleteDraft(command.applicant(), item.code());
        events.publishEvent(new CaseSubmitted(number, item.code(), item.version(), command.applicant()));
        notices.status(command.applicant(), number, item.code(), item.version(), "SUBMITTED");
        return number;
    }

    /** The applicant's cases, newest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> mine(UUID applicant) {
        return cases.forApplicant(applicant);
    }

    /** One of the applicant's cases with its timeline; another person's case is not found. */
    @Transactional(readOnly = true)
    public CaseView mine(String number, UUID applicant) {
        return cases.view(own(number, applicant), this::deadline);
    }

    /** The applicant withdraws a case the department has not accepted yet (撤回); the process is cancelled. */
    @Transactional
    public void withdraw(String number, UUID applicant, String reason) {
        var c = cases.lock(number).filter(r -> r.applicant().equals(applicant))
                .orElseThrow(() -> new CaseNotFoundException(number));
        if (!cases.view(c, this::deadline).withdrawable()) throw new CaseRefusedException("cases.error.notWithdrawable");
        var why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) throw new CaseRefusedException("cases.error.opinionTooLong");
        workflow.cancel(number, "withdrawn by applicant");
        cases.move(number, "WITHDRAWN");
        cases.conclude(number, "WITHDRAWN", why, applicant.toString(), Instant.now(clock));
        cases.step(number, "WITHDRAWN", applicant.toString(), null, why);
        events.publishEvent(new CaseActed(number, applicant.toString(), "WITHDRAW", "WITHDRAWN", null));
        notices.status(applicant, number, c.itemCode(), c.itemVersion(), "WITHDRAWN");
    }

    /**
     * The applicant answers a correction request (补正): the corrected answers and materials replace the old ones,
     * and the case returns to the step that asked. Checked like a submission; nothing changes when refused.
     */
    @Transactional
    public void correct(String number, UUID applicant, Map<String, String> formData, Map<Integer, String> chosen) {
        var c = cases.lock(number).filter(r -> r.applicant().equals(applicant))
                .orElseThrow(() -> new CaseNotFoundException(number));
        if (!c.status().equals("CORRECTION_REQUESTED")) throw new CaseRefusedException("cases.error.noCorrection");
        var item = catalog.version(c.itemCode(), c.itemVersion()).orElseThrow();
        var answers = item.form().clean(formData);
        var errors = new LinkedHashMap<>(item.form().check(answers));
        // A correction is checked like a submission: it cannot swap in someone else's ID number or credit code.
        applicants.check(item, applicant, null, answers, errors);
        var materials = checkMaterials(item, applicant, chosen, number, errors);
        if (!errors.isEmpty()) throw new CaseFormException(errors);
        cases.replaceForm(number, answers);
        cases.replaceMaterials(number);
        attach(number, item, applicant, materials);
        if (!workflow.completeApplicantTask(number, applicant.toString())) {
            throw new CaseRefusedException("cases.error.noCorrection");
        }
        var now = Instant.now(clock);
        var pause = cases.openPause(number);
        var status = c.acceptedAt() == null ? "SUBMITTED" : "IN_PROCESS";
        if (pause.isPresent() && pause.get().kind().equals("CORRECTION")) {
            status = pause.get().resumeStatus();
            resume(c, pause.get(), null, now);
        }
        cases.move(number, status);
        cases.correction(number, null);
        cases.step(number, "CORRECTED", applicant.toString(), null, null);
        events.publishEvent(new CaseActed(number, applicant.toString(), "CORRECT", status, null));
        notices.status(applicant, number, c.itemCode(), c.itemVersion(), "CORRECTED");
    }

    // Shared with the officials' side

    /** Ends a pause and moves the case's warning and due dates by the days it lasted. */
    void resume(CaseRow c, CaseStore.OpenPause pause, @Nullable String result, Instant now) {
        var started = LocalDate.ofInstant(pause.startedAt(), clock.getZone());
        var ended = LocalDate.ofInstant(now, clock.getZone());
        var unit = c.limitUnit() == null ? "WORKING_DAY" : c.limitUnit();
        int days = Deadlines.pausedDays(calendar, started, ended, unit);
        var moved = c.dueDate() == null ? null
                : Deadlines.extend(calendar, new Deadlines.Deadline(c.warnDate(), c.dueDate()), days, unit);
        cases.endPause(pause.id(), c.number(), result, days, now,
                moved == null ? LocalDate.of(2999, 12, 31) : moved.warn(), moved == null ? LocalDate.of(2999, 12, 31) : moved.due());
    }

    String deadline(CaseRow c) {
        return Deadlines.state(c.warnDate(), c.dueDate(), c.pausedSince() != null,
                c.concludedAt() == null ? null : LocalDate.ofInstant(c.concludedAt(), clock.getZone()), LocalDate.now(clock));
    }

    private CaseRow own(String number, UUID applicant) {
        return cases.full(number).filter(r -> r.applicant().equals(applicant))
                .orElseThrow(() -> new CaseNotFoundException(number));
    }

    private ItemView offered(String itemCode) {
        return catalog.guide(itemCode == null ? "" : itemCode)
                .orElseThrow(() -> new CaseRefusedException("cases.error.itemNotOffered"));
    }

    /** A material as chosen: an upload (its id) or a licence (its id). */
    private record Chosen(MaterialView material, @Nullable UUID upload, @Nullable String licence) {}

    private List<Chosen> checkMaterials(ItemView item, UUID applicant, Map<Integer, String> chosen,
            @Nullable String caseNumber, Map<String, String> errors) {
        var result = new java.util.ArrayList<Chosen>();
        for (var m : item.materials()) {
            if (m.source().equals("GOVERNMENT")) continue;
            var key = "material." + m.seq();
            var value = chosen.getOrDefault(m.seq(), "").strip();
            if (value.isEmpty()) {
                if (m.necessity().equals("REQUIRED")) errors.put(key, "cases.error.materialMissing");
                continue;
            }
            if (value.startsWith("upload:")) {
                UUID id;
                try {
                    id = UUID.fromString(value.substring(7));
                } catch (IllegalArgumentException e) {
                    errors.put(key, "cases.error.uploadUnknown");
                    continue;
                }
                var upload = cases.upload(id);
                if (upload.isEmpty() || !upload.get().owner().equals(applicant)
                        || (upload.get().caseNumber() != null && !upload.get().caseNumber().equals(caseNumber))) {
                    errors.put(key, "cases.error.uploadUnknown");
                    continue;
                }
                result.add(new Chosen(m, id, null));
            } else if (value.startsWith("licence:") && m.licenceType() != null && licencesAvailable()) {
                result.add(new Chosen(m, null, value.substring(8)));
            } else {
                errors.put(key, "cases.error.licenceUnavailable");
            }
        }
        return result;
    }

    private void attach(String number, ItemView item, UUID applicant, List<Chosen> materials) {
        for (var chosen : materials) {
            var m = chosen.material();
            if (chosen.upload() != null) {
                cases.uploadMaterial(number, m.seq(), m.name(), chosen.upload());
            } else {
                var use = licences.getObject().use(applicant, chosen.licence(), m.licenceType(), item.code(), number);
                cases.licenceMaterial(number, m.seq(), m.name(), use.licenceId(), use.data());
            }
        }
    }
}
