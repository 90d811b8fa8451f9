package org.tongban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.documents.DocumentRefusedException;

/**
 * An outgoing document (发文) and the rules of its handling (Art. 25, DOMAIN.md 10.2), as a plain class (ADR 0023):
 * who may take which step in which state. Each method checks and moves; the caller stores it in the same
 * transaction, guarded by {@code version}.
 */
public final class OfficialDocument {

    private final UUID id;
    private final String department;
    private final UUID drafter;
    private Draft draft;
    private DocumentStatus status;
    private @Nullable UUID checker;
    private @Nullable UUID signer;
    private @Nullable String signerName;
    private @Nullable Instant signedAt;
    private @Nullable String number;
    private @Nullable Integer numberYear;
    private @Nullable Integer numberSeq;
    private @Nullable LocalDate printedOn;
    private final Set<String> countersigned;
    private final Instant createdAt;
    private final int version;

    OfficialDocument(
            UUID id,
            String department,
            UUID drafter,
            Draft draft,
            DocumentStatus status,
            @Nullable UUID checker,
            @Nullable UUID signer,
            @Nullable String signerName,
            @Nullable Instant signedAt,
            @Nullable String number,
            @Nullable Integer numberYear,
            @Nullable Integer numberSeq,
            @Nullable LocalDate printedOn,
            Set<String> countersigned,
            Instant createdAt,
            int version) {
        this.id = id;
        this.department = department;
        this.drafter = drafter;
        this.draft = draft;
        this.status = status;
        this.checker = checker;
        this.signer = signer;
        this.signerName = signerName;
        this.signedAt = signedAt;
        this.number = number;
        this.numberYear = numberYear;
        this.numberSeq = numberSeq;
        this.printedOn = printedOn;
        this.countersigned = new HashSet<>(countersigned);
        this.createdAt = createdAt;
        this.version = version;
    }

    static OfficialDocument draft(UUID id, String department, UUID drafter, Draft draft, Instant now) {
        return new OfficialDocument(
                id,
                department,
                drafter,
                draft,
                DocumentStatus.DRAFT,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                now,
                0);
    }

    /** Whether an official of this department may read the document before it is dispatched. */
    boolean readableBy(String callerDepartment) {
        if (department.equals(callerDepartment)) return true;
        // An invited department reads the draft it countersigns, from the countersigning on.
        return draft.countersigners().contains(callerDepartment)
                && status != DocumentStatus.DRAFT
                && status != DocumentStatus.CHECK;
    }

    void revise(String callerDepartment, Draft revised) {
        own(callerDepartment);
        state(DocumentStatus.DRAFT);
        this.draft = revised;
    }

    /** 拟稿 done: to the check. */
    void submit(String callerDepartment) {
        own(callerDepartment);
        state(DocumentStatus.DRAFT);
        status = DocumentStatus.CHECK;
    }

    /** 核稿: by an official of the department other than the drafter; passed, or returned to the draft. */
    void check(String callerDepartment, UUID official, boolean pass) {
        own(callerDepartment);
        state(DocumentStatus.CHECK);
        if (official.equals(drafter)) throw DocumentRefusedException.forbidden("documents.error.checkOwnDraft");
        checker = official;
        if (!pass) {
            status = DocumentStatus.DRAFT;
            return;
        }
        countersigned.clear();
        status = draft.countersigners().isEmpty() ? DocumentStatus.SIGN : DocumentStatus.COUNTERSIGN;
    }

    /** 会签: by an invited department, once; agreed by all, the document goes to signing; disagreement returns it. */
    void countersign(String callerDepartment, boolean agree) {
        if (!draft.countersigners().contains(callerDepartment))
            throw DocumentRefusedException.forbidden("documents.error.notInvited");
        state(DocumentStatus.COUNTERSIGN);
        if (countersigned.contains(callerDepartment))
            throw DocumentRefusedException.conflict("documents.error.alreadyCountersigned");
        if (!agree) {
            countersigned.clear();
            status = DocumentStatus.DRAFT;
            return;
        }
        countersigned.add(callerDepartment);
        if (countersigned.containsAll(draft.countersigners())) status = DocumentStatus.SIGN;
    }

    /** 签发 refused: back to the draft. The leader check is the caller's ({@link Leaders}). */
    void returnFromSigning(String callerDepartment) {
        own(callerDepartment);
        state(DocumentStatus.SIGN);
        status = DocumentStatus.DRAFT;
    }

    /** 签发 with the number the same transaction took (ADR 0028). */
    void sign(String callerDepartment, UUID leader, String leaderName, Instant at, LocalDate today, Number n) {
        own(callerDepartment);
        state(DocumentStatus.SIGN);
        signer = leader;
        signerName = leaderName;
        signedAt = at;
        number = n.text();
        numberYear = n.year();
        numberSeq = n.sequence();
        if (draft.writtenOn() == null)
            draft = new Draft(
                    draft.type(),
                    draft.copyNumber(),
                    draft.classification(),
                    draft.secrecyPeriod(),
                    draft.urgency(),
                    draft.issuerMark(),
                    draft.title(),
                    draft.mainRecipients(),
                    draft.body(),
                    draft.attachmentNote(),
                    draft.issuerSignature(),
                    today,
                    draft.sealKind(),
                    draft.notes(),
                    draft.attachments(),
                    draft.ccRecipients(),
                    draft.printedBy(),
                    draft.countersigners());
        status = DocumentStatus.NUMBERED;
    }

    /** 用印: the rendered and signed PDF is the caller's; here only the state and the printing date. */
    void seal(String callerDepartment, LocalDate today) {
        own(callerDepartment);
        state(DocumentStatus.NUMBERED);
        printedOn = today;
        status = DocumentStatus.SEALED;
    }

    /** 分发: to the main and copy recipients. */
    void dispatch(String callerDepartment) {
        own(callerDepartment);
        state(DocumentStatus.SEALED);
        status = DocumentStatus.DISPATCHED;
    }

    /** Another department's document is not found: it is not told apart from one that does not exist. */
    private void own(String callerDepartment) {
        if (!department.equals(callerDepartment))
            throw new org.tongban.documents.DocumentNotFoundException(id.toString());
    }

    private void state(DocumentStatus expected) {
        if (status != expected) throw DocumentRefusedException.conflict("documents.error.wrongState");
    }

    /** A number as the signing took it. */
    public record Number(String text, int year, int sequence) {}

    public UUID id() {
        return id;
    }

    public String department() {
        return department;
    }

    public UUID drafter() {
        return drafter;
    }

    public Draft content() {
        return draft;
    }

    public DocumentStatus status() {
        return status;
    }

    public @Nullable UUID checker() {
        return checker;
    }

    public @Nullable UUID signer() {
        return signer;
    }

    public @Nullable String signerName() {
        return signerName;
    }

    public @Nullable Instant signedAt() {
        return signedAt;
    }

    public @Nullable String number() {
        return number;
    }

    public @Nullable Integer numberYear() {
        return numberYear;
    }

    public @Nullable Integer numberSeq() {
        return numberSeq;
    }

    public @Nullable LocalDate printedOn() {
        return printedOn;
    }

    public Set<String> countersigned() {
        return Set.copyOf(countersigned);
    }

    public List<String> pendingCountersigners() {
        return draft.countersigners().stream()
                .filter(d -> !countersigned.contains(d))
                .toList();
    }

    public Instant createdAt() {
        return createdAt;
    }

    int version() {
        return version;
    }
}
