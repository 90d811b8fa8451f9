package org.tongban.documents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.documents.DocumentAudit;
import org.tongban.documents.DocumentNotFoundException;
import org.tongban.documents.DocumentRefusedException;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.identity.Persons;
import org.tongban.shared.Refusal;

/**
 * The use cases of official documents, for this module's pages and API: drafting and the outgoing flow (拟稿 → 核稿 →
 * 会签 → 签发 with its number → 用印 → 分发), the incoming flow of a receiving department (签收 → 拟办 → 批办 → 承办 →
 * 办结, with 催办 by the issuer), the lists, the archive and the completion rate. Every operation names the official;
 * the official's department decides what is found: another department's draft is not found.
 *
 * <p>The flow runs as the {@link OfficialDocument} aggregate's state machine, not as a BPMN process (ADR 0028 says
 * why). Refusals on the caller's rights are audited at once.
 */
@Service
public class OfficialDocuments {

    private final DocumentStore store;
    private final Incoming incoming;
    private final Numbering numbering;
    private final Leaders leaders;
    private final Sealing sealing;
    private final ShortNames shortNames;
    private final Departments departments;
    private final Persons persons;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    OfficialDocuments(
            DocumentStore store,
            Incoming incoming,
            Numbering numbering,
            Leaders leaders,
            Sealing sealing,
            ShortNames shortNames,
            Departments departments,
            Persons persons,
            Clock clock,
            ApplicationEventPublisher events,
            AuditManagement audit) {
        this.store = store;
        this.incoming = incoming;
        this.numbering = numbering;
        this.leaders = leaders;
        this.sealing = sealing;
        this.shortNames = shortNames;
        this.departments = departments;
        this.persons = persons;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    /** The official's department; anyone else may not handle documents. */
    @Transactional(readOnly = true)
    public String departmentOf(UUID official) {
        return departments
                .departmentOf(official)
                .orElseThrow(() -> DocumentRefusedException.forbidden("documents.error.notOfficial"));
    }

    /** The platform's time zone, for the pages' default periods. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** Every department, by code, for the recipient lists. */
    @Transactional(readOnly = true)
    public Map<String, String> departmentNames(boolean english) {
        var out = new LinkedHashMap<String, String>();
        for (DepartmentView d : departments.departments()) out.put(d.code(), english ? d.nameEn() : d.nameZh());
        return out;
    }

    /** The form's defaults for a new draft of the official's department. */
    @Transactional(readOnly = true)
    public Map<String, String> defaults(UUID official) {
        var department = departmentOf(official);
        var name =
                departments.department(department).map(DepartmentView::nameZh).orElse(department);
        return Map.of(
                "type",
                "NOTICE",
                "issuerMark",
                name + "文件",
                "issuerSignature",
                name,
                "printedBy",
                name + "办公室",
                "sealKind",
                "SEALED");
    }

    /** 拟稿: a new draft of the official's department. */
    @Transactional
    public UUID draft(UUID official, Map<String, List<String>> form) {
        var department = departmentOf(official);
        var draft = DraftForm.read(form, department, departmentCodes());
        var now = clock.instant();
        var document = OfficialDocument.draft(UUID.randomUUID(), department, official, draft, now);
        store.insert(document, now);
        store.step(document.id(), "DRAFT", department, official, nameOf(official), null, now);
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_DRAFTED,
                official.toString(),
                document.id().toString(),
                Map.of("type", draft.type().name(), "department", department)));
        return document.id();
    }

    /** Changes a draft (only while it is one). */
    @Transactional
    public void revise(UUID official, UUID id, Map<String, List<String>> form) {
        act(official, id, "REVISE", null, (d, department) -> {
            d.revise(department, DraftForm.read(form, department, departmentCodes()));
            return null;
        });
    }

    /** 拟稿 done: to 核稿. */
    @Transactional
    public void submit(UUID official, UUID id) {
        act(official, id, "SUBMIT", null, (d, department) -> {
            d.submit(department);
            return null;
        });
    }

    /** 核稿: passed (on to 会签 or 签发) or returned to the drafter, with an opinion. */
    @Transactional
    public void check(UUID official, UUID id, boolean pass, @Nullable String opinion) {
        act(official, id, pass ? "CHECK" : "CHECK_RETURNED", opinion, (d, department) -> {
            d.check(department, official, pass);
            if (pass) store.clearCountersignatures(id);
            return null;
        });
    }

    /** 会签 by an invited department: agreed, or disagreed (the document returns to its drafter). */
    @Transactional
    public void countersign(UUID official, UUID id, boolean agree, @Nullable String opinion) {
        var department = departmentOf(official);
        var found = store.lock(id)
                .filter(x -> x.department().equals(department)
                        || x.content().countersigners().contains(department));
        if (found.isEmpty()) {
            // Not invited: the document is not found, as any other department's, and the attempt is recorded.
            audit.recordNow(AuditRecord.denied(
                    DocumentAudit.DOCUMENT_REFUSED,
                    official.toString(),
                    id.toString(),
                    Map.of("step", "COUNTERSIGN", "reason", "documents.error.notInvited")));
            throw new DocumentNotFoundException(id.toString());
        }
        var d = found.get();
        refusedAudited(official, id, "COUNTERSIGN", () -> {
            d.countersign(department, agree);
            return null;
        });
        var now = clock.instant();
        if (agree) store.countersignature(id, department, official, opinion == null ? "同意" : opinion, now);
        else store.clearCountersignatures(id);
        store.update(d, now);
        store.step(
                id,
                agree ? "COUNTERSIGN" : "COUNTERSIGN_DISAGREED",
                department,
                official,
                nameOf(official),
                opinion,
                now);
        actedAudit(official, id, agree ? "COUNTERSIGN" : "COUNTERSIGN_DISAGREED", d);
    }

    /**
     * 签发 by a leader of the issuing department: the number is taken in this transaction (ADR 0028), so a signing
     * that fails gives its number back. Returns the number.
     */
    @Transactional
    public String sign(UUID official, UUID id, @Nullable String opinion) {
        var department = departmentOf(official);
        var d = own(id, department);
        if (!leaders.isLeader(department, official)) {
            refuse(official, id, "SIGN", "documents.error.notLeader");
        }
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, clock.getZone());
        refusedAudited(official, id, "SIGN", () -> {
            if (d.status() != DocumentStatus.SIGN)
                throw DocumentRefusedException.conflict("documents.error.wrongState");
            d.sign(
                    department,
                    official,
                    nameOf(official),
                    now,
                    today,
                    numbering.next(department, d.content().type(), today.getYear()));
            return null;
        });
        store.update(d, now);
        store.step(id, "SIGN", department, official, nameOf(official), opinion, now);
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_SIGNED,
                official.toString(),
                id.toString(),
                Map.of("number", String.valueOf(d.number()), "department", department)));
        return String.valueOf(d.number());
    }

    /** 签发 refused by the leader: back to the drafter. */
    @Transactional
    public void returnFromSigning(UUID official, UUID id, @Nullable String opinion) {
        var department = departmentOf(official);
        if (!leaders.isLeader(department, official)) {
            own(id, department);
            refuse(official, id, "SIGN", "documents.error.notLeader");
        }
        act(official, id, "SIGN_RETURNED", opinion, (d, dep) -> {
            d.returnFromSigning(dep);
            return null;
        });
    }

    /** 用印: renders the GB/T 9704 PDF with the seal and signs it with the department's SM2 key (ADR 0029). */
    @Transactional
    public void seal(UUID official, UUID id) {
        var department = departmentOf(official);
        var d = own(id, department);
        var now = clock.instant();
        refusedAudited(official, id, "SEAL", () -> {
            d.seal(department, LocalDate.ofInstant(now, clock.getZone()));
            return null;
        });
        var pdf = DocumentPdf.render(content(d, true));
        var seal = sealing.seal(department, pdf);
        store.update(d, now);
        store.sealed(id, pdf, seal.sm3(), seal.signature(), seal.keyId(), now);
        store.step(id, "SEAL", department, official, nameOf(official), null, now);
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_SEALED,
                official.toString(),
                id.toString(),
                Map.of("number", String.valueOf(d.number()), "keyId", seal.keyId(), "sm3", seal.sm3())));
    }

    /** 分发: delivers to the main and copy recipients inside the platform. */
    @Transactional
    public void dispatch(UUID official, UUID id) {
        var department = departmentOf(official);
        var d = own(id, department);
        refusedAudited(official, id, "DISPATCH", () -> {
            d.dispatch(department);
            return null;
        });
        var now = clock.instant();
        store.update(d, now);
        store.dispatched(id, now);
        for (var main : d.content().mainRecipients()) incoming.deliver(id, main, "MAIN", now);
        for (var cc : d.content().ccRecipients()) incoming.deliver(id, cc, "CC", now);
        store.step(id, "DISPATCH", department, official, nameOf(official), null, now);
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_DISPATCHED,
                official.toString(),
                id.toString(),
                Map.of(
                        "number",
                        String.valueOf(d.number()),
                        "to",
                        String.join(",", d.content().mainRecipients()))));
    }

    /** A document as the official's department sees it; not found when it may not see it. */
    @Transactional(readOnly = true)
    public DocumentView view(UUID official, UUID id, boolean english) {
        var department = departmentOf(official);
        var d = store.find(id).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
        var receipt = incoming.ofDocument(id, department).orElse(null);
        if (!d.readableBy(department) && receipt == null) throw new DocumentNotFoundException(id.toString());
        var names = departmentNames(english);
        var actions = new ArrayList<String>();
        boolean mine = d.department().equals(department);
        boolean leader = mine && leaders.isLeader(department, official);
        switch (d.status()) {
            case DRAFT -> {
                if (mine) actions.addAll(List.of("revise", "submit"));
            }
            case CHECK -> {
                if (mine && !official.equals(d.drafter())) actions.add("check");
            }
            case COUNTERSIGN -> {
                if (d.pendingCountersigners().contains(department)) actions.add("countersign");
            }
            case SIGN -> {
                if (leader) actions.add("sign");
            }
            case NUMBERED -> {
                if (mine) actions.add("seal");
            }
            case SEALED -> {
                if (mine) actions.add("dispatch");
            }
            case DISPATCHED -> {
                if (mine) actions.add("urge");
            }
        }
        var sealed = store.sealedCopy(id).orElse(null);
        return new DocumentView(
                d,
                names.getOrDefault(d.department(), d.department()),
                names,
                store.steps(id),
                mine ? incoming.ofDocument(id) : List.of(),
                receipt,
                sealed == null ? null : sealed.keyId(),
                List.copyOf(actions));
    }

    /** The PDF: the sealed copy once sealed, else a preview without seal or number. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID official, UUID id) {
        var department = departmentOf(official);
        var d = store.find(id).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
        if (!d.readableBy(department) && incoming.ofDocument(id, department).isEmpty())
            throw new DocumentNotFoundException(id.toString());
        return store.sealedCopy(id)
                .map(DocumentStore.SealedCopy::pdf)
                .orElseGet(() -> DocumentPdf.render(content(d, false)));
    }

    /** The sealed copy with its detached signature, for offline verification; not found before sealing. */
    @Transactional(readOnly = true)
    public DocumentStore.SealedCopy sealedCopy(UUID official, UUID id) {
        pdf(official, id);
        return store.sealedCopy(id).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
    }

    /** The department's own documents in a state (all when null), newest first. */
    @Transactional(readOnly = true)
    public List<DocumentStore.DocumentRow> mine(UUID official, @Nullable DocumentStatus status, int limit) {
        return store.ofDepartment(departmentOf(official), status, Math.clamp(limit, 1, 200));
    }

    /** Counts of the department's own documents per state. */
    @Transactional(readOnly = true)
    public Map<DocumentStatus, Long> counts(UUID official) {
        return store.counts(departmentOf(official));
    }

    /** Documents of other departments waiting for the official's department's countersignature. */
    @Transactional(readOnly = true)
    public List<DocumentStore.DocumentRow> toCountersign(UUID official) {
        return store.toCountersign(departmentOf(official), 100);
    }

    /** The archive of issued and received documents of the department. */
    @Transactional(readOnly = true)
    public List<DocumentStore.DocumentRow> archive(
            UUID official,
            @Nullable String number,
            @Nullable String title,
            @Nullable String issuer,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        return store.archive(departmentOf(official), blank(number), blank(title), blank(issuer), from, to, 200);
    }

    // ---- incoming (收文) ----

    @Transactional(readOnly = true)
    public List<ReceiptView> incoming(UUID official, @Nullable ReceiptStatus status) {
        return incoming.incoming(departmentOf(official), status, 200);
    }

    @Transactional(readOnly = true)
    public ReceiptView receipt(UUID official, UUID receipt) {
        return incoming.find(receipt, departmentOf(official))
                .orElseThrow(() -> new DocumentNotFoundException(receipt.toString()));
    }

    /** 签收 and 登记: signed for with the time, given the department's register number. */
    @Transactional
    public String signFor(UUID official, UUID receipt) {
        var department = departmentOf(official);
        var r = lockReceipt(receipt, department);
        var now = clock.instant();
        var number = incoming.registrationNumber(
                department, LocalDate.ofInstant(now, clock.getZone()).getYear());
        moveReceipt(
                official,
                r,
                ReceiptStatus.DELIVERED,
                ReceiptStatus.SIGNED_FOR,
                "registration_no",
                number,
                "SIGN_FOR",
                null);
        return number;
    }

    /** 拟办: the proposal of how to handle it, for a leader. */
    @Transactional
    public void propose(UUID official, UUID receipt, String proposal) {
        var r = lockReceipt(receipt, departmentOf(official));
        moveReceipt(
                official,
                r,
                ReceiptStatus.SIGNED_FOR,
                ReceiptStatus.PROPOSED,
                "proposal",
                text(proposal),
                "PROPOSE",
                proposal);
    }

    /** 批办: a leader's instruction. */
    @Transactional
    public void instruct(UUID official, UUID receipt, String instruction) {
        var department = departmentOf(official);
        var r = lockReceipt(receipt, department);
        if (!leaders.isLeader(department, official))
            refuse(official, r.documentId(), "INSTRUCT", "documents.error.notLeader");
        moveReceipt(
                official,
                r,
                ReceiptStatus.PROPOSED,
                ReceiptStatus.INSTRUCTED,
                "instruction",
                text(instruction),
                "INSTRUCT",
                instruction);
    }

    /** 承办: what was done. */
    @Transactional
    public void handle(UUID official, UUID receipt, String handling) {
        var r = lockReceipt(receipt, departmentOf(official));
        moveReceipt(
                official,
                r,
                ReceiptStatus.INSTRUCTED,
                ReceiptStatus.HANDLED,
                "handling",
                text(handling),
                "HANDLE",
                handling);
    }

    /** 办结 (and 答复: the reply is the handling's text, which the issuer reads on its document's page). */
    @Transactional
    public void conclude(UUID official, UUID receipt) {
        var r = lockReceipt(receipt, departmentOf(official));
        moveReceipt(official, r, ReceiptStatus.HANDLED, ReceiptStatus.DONE, null, null, "CONCLUDE", null);
    }

    /** 催办 by the issuing department: marks the receipts not yet concluded as urged. Returns how many. */
    @Transactional
    public int urge(UUID official, UUID id) {
        var department = departmentOf(official);
        var d = own(id, department);
        if (d.status() != DocumentStatus.DISPATCHED)
            throw DocumentRefusedException.conflict("documents.error.wrongState");
        var now = clock.instant();
        int n = 0;
        for (var r : incoming.ofDocument(id)) {
            if (r.status() == ReceiptStatus.DONE) continue;
            incoming.urged(r.id(), now);
            incoming.step(r.id(), "URGE", official, nameOf(official), null, now);
            n++;
        }
        store.step(id, "URGE", department, official, nameOf(official), null, now);
        actedAudit(official, id, "URGE", d);
        return n;
    }

    /** 办结率 per department of the documents delivered in a period. */
    @Transactional(readOnly = true)
    public List<Incoming.Rate> completion(LocalDate from, LocalDate to) {
        return incoming.completion(from, to);
    }

    // ---- helpers ----

    private interface Step {
        @Nullable
        Object apply(OfficialDocument document, String department);
    }

    /** Loads and locks the department's own document, applies a step, stores it and records the opinion. */
    private void act(UUID official, UUID id, String step, @Nullable String opinion, Step change) {
        var department = departmentOf(official);
        var d = own(id, department);
        refusedAudited(official, id, step, () -> change.apply(d, department));
        var now = clock.instant();
        store.update(d, now);
        store.step(id, step, department, official, nameOf(official), blank(opinion), now);
        actedAudit(official, id, step, d);
    }

    private OfficialDocument own(UUID id, String department) {
        return store.lock(id)
                .filter(d -> d.department().equals(department))
                .orElseThrow(() -> new DocumentNotFoundException(id.toString()));
    }

    private ReceiptView lockReceipt(UUID receipt, String department) {
        return incoming.lock(receipt, department).orElseThrow(() -> new DocumentNotFoundException(receipt.toString()));
    }

    private void moveReceipt(
            UUID official,
            ReceiptView r,
            ReceiptStatus from,
            ReceiptStatus to,
            @Nullable String column,
            @Nullable String value,
            String step,
            @Nullable String opinion) {
        if (r.status() != from) {
            refuse(official, r.documentId(), step, "documents.error.wrongState");
        }
        var now = clock.instant();
        incoming.move(r.id(), from, to, column, value, now);
        incoming.step(r.id(), step, official, nameOf(official), blank(opinion), now);
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_RECEIPT_ACTED,
                official.toString(),
                r.documentId().toString(),
                Map.of("step", step, "department", r.department())));
    }

    private <T> T refusedAudited(UUID official, UUID id, String step, Supplier<T> action) {
        try {
            return action.get();
        } catch (DocumentRefusedException e) {
            audit.recordNow(AuditRecord.denied(
                    DocumentAudit.DOCUMENT_REFUSED,
                    official.toString(),
                    id.toString(),
                    Map.of("step", step, "reason", e.messageKey())));
            throw e;
        }
    }

    private void refuse(UUID official, UUID id, String step, String key) {
        var e = key.equals("documents.error.wrongState")
                ? DocumentRefusedException.conflict(key)
                : DocumentRefusedException.forbidden(key);
        refusedAudited(official, id, step, () -> {
            throw e;
        });
    }

    private void actedAudit(UUID official, UUID id, String step, OfficialDocument d) {
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_ACTED,
                official.toString(),
                id.toString(),
                Map.of("step", step, "status", d.status().name())));
    }

    DocumentPdf.Content content(OfficialDocument d, boolean sealed) {
        var names = departmentNames(false);
        var c = d.content();
        return new DocumentPdf.Content(
                c,
                names.getOrDefault(d.department(), d.department()),
                d.number(),
                d.signerName(),
                c.mainRecipients().stream().map(x -> names.getOrDefault(x, x)).toList(),
                c.ccRecipients().stream().map(x -> names.getOrDefault(x, x)).toList(),
                d.printedOn(),
                sealed);
    }

    private Set<String> departmentCodes() {
        return departments.departments().stream().map(DepartmentView::code).collect(Collectors.toSet());
    }

    private String nameOf(UUID official) {
        return persons.profile(official).name();
    }

    private static String text(String value) {
        var v = value.strip();
        if (v.isEmpty())
            throw new org.tongban.documents.InvalidDocumentException(Map.of("opinion", "documents.error.required"));
        if (v.length() > 2000)
            throw new org.tongban.documents.InvalidDocumentException(Map.of("opinion", "documents.error.tooLong"));
        return v;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean forbidden(Refusal r) {
        return r.kind() == Refusal.Kind.FORBIDDEN;
    }
}
