package org.tongban.licenses.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseHandling;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.IdentityManagement;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseEvent;
import org.tongban.licenses.LicenseIssued;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.LicenseStatusChanged;
import org.tongban.licenses.internal.Issuer.Placement;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;
import org.tongban.shared.CreditCode;
import org.tongban.shared.GmCrypto;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.LicenseIdentifier;

/**
 * Issuing licences (发证): by an official of a department that issues the type (one at a time, with an idempotency
 * key, or a batch from CSV), and on the approval of a case whose item results in a licence. Every licence gets a
 * GB/T 36904 identifier and the issuing department's SM2 signature over its canonical document. At most one valid or
 * suspended licence per type and holder, unless the type allows several; a case that approves a new licence of such
 * a type for a holder who has one replaces it with the next version (换发).
 *
 * <p>Refusals are recorded on the audit trail at once ({@link LicenseAudit#LICENCE_ISSUE_REFUSED}), since their
 * transaction rolls back.
 */
@Service
public class LicenseIssuance {

    private static final Logger log = LoggerFactory.getLogger(LicenseIssuance.class);
    /** The most rows a batch may have, besides its header. */
    public static final int BATCH_MAX_ROWS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LicenseTypeStore types;
    private final LicenseStore store;
    private final Issuer issuer;
    private final IdentityManagement identity;
    private final CatalogManagement catalog;
    private final CaseResults caseResults;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final LicenseProperties properties;
    private final CaseHandling cases;
    private final Clock clock = Clock.system(Issuer.CHINA);

    LicenseIssuance(LicenseTypeStore types, LicenseStore store, Issuer issuer, IdentityManagement identity,
            CatalogManagement catalog, CaseResults caseResults, AuditManagement audit, ApplicationEventPublisher events,
            TransactionTemplate transactions, LicenseProperties properties, CaseHandling cases) {
        this.cases = cases;
        this.types = types;
        this.store = store;
        this.issuer = issuer;
        this.identity = identity;
        this.catalog = catalog;
        this.caseResults = caseResults;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * An official issues one licence of a type their department issues. The same official and request key return
     * the licence issued the first time, whatever the command says now.
     *
     * @throws LicenseRefusedException not an official, or the department does not issue the type (forbidden); the
     *     holder already has a valid or suspended licence of an exclusive type (conflict)
     * @throws InvalidLicenseException the data failed the type's schema or the validity rule
     */
    @Transactional
    public LicenseSummary issue(UUID official, String requestKey, IssueLicense command) {
        var actor = official.toString();
        var key = requestKey == null ? "" : requestKey.strip();
        if (key.isEmpty() || key.length() > 100) throw new LicenseRefusedException("licenses.error.idempotencyKey", LicenseRefusedException.Kind.UNPROCESSABLE);
        var repeated = store.byRequest(actor, key);
        if (repeated.isPresent()) return summary(repeated.get());
        var department = issuingDepartment(official, command.type());
        var type = types.find(command.type()).orElseThrow();
        var checked = Drafts.check(type, command, today());
        if (!checked.ok()) {
            refused(actor, command.type(), "INVALID", Map.of("fields", String.join(",", new java.util.TreeSet<>(checked.errors().keySet()))));
            throw new InvalidLicenseException(checked.errors());
        }
        var draft = checked.draft();
        var now = clock.instant();
        if (!type.allowMultiple() && activeNow(type, issuer.holderIndex(draft.holderId()), actor, now).isPresent()) {
            refused(actor, type.code(), "ALREADY_HOLDS", Map.of());
            throw new LicenseRefusedException("licenses.error.alreadyHolds", LicenseRefusedException.Kind.CONFLICT);
        }
        var outcome = issuer.issue(List.of(new Placement(draft, department, null, null, null, key)), actor, now).getFirst();
        if (!outcome.inserted()) {
            // A concurrent request: the same key (answer as the first), or another licence for the same holder.
            var same = store.byRequest(actor, key);
            if (same.isPresent()) return summary(same.get());
            refused(actor, type.code(), "ALREADY_HOLDS", Map.of());
            throw new LicenseRefusedException("licenses.error.alreadyHolds", LicenseRefusedException.Kind.CONFLICT);
        }
        announce(outcome.row(), actor, now);
        return summary(store.find(outcome.row().id()).orElseThrow());
    }

    /**
     * An official replaces a valid licence of their department with its next version (换发, 补发, 变更): the same serial,
     * version + 1, the old one cancelled. Face data not given is kept; the holder stays the same.
     */
    @Transactional
    public LicenseSummary reissue(UUID official, String requestKey, String identifier, IssueLicense command) {
        var actor = official.toString();
        var key = requestKey == null ? "" : requestKey.strip();
        if (key.isEmpty() || key.length() > 100) throw new LicenseRefusedException("licenses.error.idempotencyKey", LicenseRefusedException.Kind.UNPROCESSABLE);
        var repeated = store.byRequest(actor, key);
        if (repeated.isPresent()) return summary(repeated.get());
        var previous = store.lock(identifier).orElseThrow(LicenseNotFoundException::new);
        var department = issuingDepartment(official, previous.type());
        if (!previous.issuerDepartment().equals(department.code())) throw new LicenseNotFoundException();
        var now = clock.instant();
        if (previous.effectiveStatus(today()) != LicenseStatus.VALID) {
            refused(actor, identifier, "NOT_VALID", Map.of("status", previous.effectiveStatus(today()).name()));
            throw new LicenseRefusedException("licenses.error.notValid", LicenseRefusedException.Kind.CONFLICT);
        }
        var type = types.find(previous.type()).orElseThrow();
        var old = LicenseDocument.parse(issuer.content(previous.identifier(), previous.content()));
        var data = new HashMap<>(old.data());
        command.data().forEach((k, v) -> {
            if (v != null && !v.isBlank()) data.put(k, v);
        });
        var merged = new IssueLicense(type.code(), command.holderName().isBlank() ? old.holderName() : command.holderName(),
                old.holderId(), data, command.number() == null ? old.number() : command.number(), command.validFrom(),
                command.validTo());
        var checked = Drafts.check(type, merged, today());
        if (!checked.ok()) {
            refused(actor, identifier, "INVALID", Map.of("fields", String.join(",", new java.util.TreeSet<>(checked.errors().keySet()))));
            throw new InvalidLicenseException(checked.errors());
        }
        var row = replace(previous, checked.draft(), department, null, key, actor, now);
        return summary(store.find(row.id()).orElseThrow());
    }

    /**
     * Issues the licence of an approved case, as {@code licenses/case-results.properties} says for the item: to the
     * applicant, or to the enterprise the form names (a new one for an establishment). Called by the module's
     * listener on {@link CaseConcluded}; idempotent (the case number and type are unique), so a redelivered event
     * issues nothing twice. A case that cannot give a licence (the department does not issue the type, data missing,
     * the holder's licence suspended) issues none and is recorded as {@link LicenseAudit#LICENCE_CASE_NOT_ISSUED}.
     */
    @Transactional
    public Optional<LicenseSummary> issueForCase(CaseConcluded event) {
        if (!event.approved()) return Optional.empty();
        var result = caseResults.forItem(event.itemCode()).orElse(null);
        if (result == null) return Optional.empty();
        var type = types.find(result.type()).orElse(null);
        if (type == null) return notIssued(event, "UNKNOWN_TYPE");
        var done = store.byCase(event.number(), type.code());
        if (done.isPresent()) return Optional.of(summary(done.get()));
        var department = identity.department(event.departmentCode()).orElse(null);
        if (department == null || department.creditCode() == null || !type.issuedBy(department.code())) {
            return notIssued(event, "NOT_ISSUER");
        }
        var today = today();
        var concluded = cases.concludedAnswers(event.number());
        if (concluded.isEmpty()) return notIssued(event, "NO_CASE");
        var answers = concluded.get();
        String holderName;
        String holderId;
        IdNumber person = null;
        try {
            switch (result.holder()) {
                case APPLICANT -> {
                    var facts = identity.ownFacts(event.applicant());
                    holderName = facts.get("name");
                    person = IdNumber.parse(facts.get("idNumber"));
                    holderId = person.value();
                }
                case FORM_ENTERPRISE -> {
                    // Only to an enterprise the applicant acts for, under the name identity knows, never as typed.
                    var code = CreditCode.parse(answers.get("creditCode")).value();
                    var enterprise = identity.profile(event.applicant()).enterprises().stream()
                            .filter(e -> e.creditCode().equals(code)).findFirst();
                    if (enterprise.isEmpty()) return notIssued(event, "NOT_REPRESENTED");
                    holderName = enterprise.get().name();
                    holderId = code;
                }
                case NEW_ENTERPRISE -> {
                    holderName = answers.getOrDefault("enterpriseName", "");
                    holderId = newCreditCode(department.regionCode());
                }
                default -> throw new IllegalStateException();
            }
        } catch (AccountNotFoundException | InvalidValueException e) {
            return notIssued(event, "NO_HOLDER");
        }
        var form = catalog.version(event.itemCode(), event.itemVersion()).map(i -> i.form()).orElse(null);
        var data = new LinkedHashMap<String, String>();
        var now = clock.instant();
        var current = type.allowMultiple() ? Optional.<StoredLicense>empty() : activeNow(type, issuer.holderIndex(holderId), event.decidedBy(), now);
        if (current.isPresent()) {
            if (current.get().status() != LicenseStatus.VALID) return notIssued(event, "SUSPENDED");
            data.putAll(LicenseDocument.parse(issuer.content(current.get().identifier(), current.get().content())).data());
        }
        data.putAll(result.data(question -> {
            var answer = answers.get(question);
            if (answer == null || form == null) return answer;
            return form.fields().stream().filter(f -> f.name().equals(question)).findFirst()
                    .map(f -> f.display(answer, Locale.CHINA)).orElse(answer);
        }, person, today));
        var checked = Drafts.check(type, new IssueLicense(type.code(), holderName, holderId, data, null, null, null), today);
        if (!checked.ok()) return notIssued(event, "INVALID:" + String.join(",", new java.util.TreeSet<>(checked.errors().keySet())));
        LicenseStore.NewLicense row;
        try {
            row = current.isPresent()
                    ? replace(current.get(), checked.draft(), department, event.number(), null, event.decidedBy(), now)
                    : place(checked.draft(), department, event.number(), event.decidedBy(), now);
        } catch (LicenseRefusedException e) {
            // Another case of the same holder replaced the licence at the same moment; redelivering would not help.
            // Undo whatever this attempt changed; the audit record is written in a transaction of its own.
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return notIssued(event, "CONCURRENT");
        }
        if (row == null) return notIssued(event, "ALREADY_HOLDS");
        return Optional.of(summary(store.find(row.id()).orElseThrow()));
    }

    /**
     * Imports licences of one type from CSV (批量导入): a header row naming the columns, then one licence a row. The
     * columns are {@code holderName}, {@code holderId}, optionally {@code number}, {@code validFrom},
     * {@code validTo}, and the type's fields, each by its name or its Chinese label. Every row is checked on its own:
     * good rows are issued, bad ones reported with their reasons. Rows are signed and inserted in chunks, each in a
     * transaction of its own; importing the same file again issues nothing twice (each row's request key is the
     * file's SM3 digest and the row number).
     *
     * @throws LicenseRefusedException the official may not issue the type (forbidden), or the file as a whole cannot
     *     be read: not CSV, no rows, too many rows, unknown or missing columns (unprocessable)
     */
    public BatchReport importCsv(UUID official, String type, String fileName, byte[] csv) {
        var actor = official.toString();
        var department = issuingDepartment(official, type);
        var licenceType = types.find(type).orElseThrow();
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(csv);
        } catch (Csv.MalformedCsvException e) {
            throw batchRefused(actor, type, "licenses.batch.error.notCsv");
        }
        if (rows.size() < 2) throw batchRefused(actor, type, "licenses.batch.error.empty");
        if (rows.size() - 1 > BATCH_MAX_ROWS) throw batchRefused(actor, type, "licenses.batch.error.tooManyRows");
        var columns = columns(licenceType, rows.getFirst().fields());
        if (columns == null) throw batchRefused(actor, type, "licenses.batch.error.columns");

        var batchId = UUID.randomUUID();
        var fileKey = "batch:" + GmCrypto.hex(GmCrypto.sm3(csv)).substring(0, 32) + ":";
        var refused = new ArrayList<BatchReport.RefusedRow>();
        var seen = new HashSet<ByteBuffer>();
        String first = null;
        String last = null;
        int issued = 0;
        var today = today();
        var body = rows.subList(1, rows.size());
        for (int from = 0; from < body.size(); from += properties.batchChunk()) {
            var chunk = body.subList(from, Math.min(body.size(), from + properties.batchChunk()));
            var placed = transactions.execute(s -> importChunk(licenceType, department, columns, chunk, fileKey, batchId,
                    actor, today, seen, refused));
            for (var identifier : placed) {
                if (first == null) first = identifier;
                last = identifier;
            }
            issued += placed.size();
        }
        refused.sort(java.util.Comparator.comparingInt(BatchReport.RefusedRow::row));
        int issuedCount = issued;
        var now = clock.instant();
        transactions.executeWithoutResult(s -> {
            store.insertBatch(batchId, type, department.code(), fileName == null ? "" : fileName, body.size(), issuedCount,
                    refused.size(), actor, now);
            events.publishEvent(LicenseEvent.success(LicenseAudit.LICENCE_BATCH_IMPORTED, actor, batchId.toString(),
                    Map.of("type", type, "department", department.code(), "rows", Integer.toString(body.size()),
                            "issued", Integer.toString(issuedCount), "refused", Integer.toString(refused.size()))));
        });
        return new BatchReport(batchId, type, body.size(), issued, refused, first, last);
    }

    private List<String> importChunk(LicenseTypeView type, DepartmentView department, String[] columns,
            List<Csv.Row> chunk, String fileKey, UUID batchId, String actor, LocalDate today, java.util.Set<ByteBuffer> seen,
            List<BatchReport.RefusedRow> refused) {
        var candidates = new ArrayList<Placement>();
        var lines = new ArrayList<Integer>();
        for (var row : chunk) {
            var command = command(type, columns, row.fields());
            var checked = Drafts.check(type, command, today);
            if (!checked.ok()) {
                refused.add(new BatchReport.RefusedRow(row.line(), checked.errors()));
                continue;
            }
            candidates.add(new Placement(checked.draft(), department, null, null, batchId, fileKey + row.line()));
            lines.add(row.line());
        }
        var used = store.usedRequestKeys(actor, candidates.stream().map(Placement::requestKey).toList());
        var holders = candidates.stream().map(p -> issuer.holderIndex(p.draft().holderId())).toList();
        var holding = type.allowMultiple() ? java.util.Set.<ByteBuffer>of() : store.activeHolders(type.code(), holders);
        var placements = new ArrayList<Placement>();
        var placementLines = new ArrayList<Integer>();
        for (int i = 0; i < candidates.size(); i++) {
            var holder = ByteBuffer.wrap(holders.get(i));
            if (used.contains(candidates.get(i).requestKey())) {
                refused.add(new BatchReport.RefusedRow(lines.get(i), Map.of("row", "licenses.batch.error.alreadyImported")));
            } else if (holding.contains(holder)) {
                refused.add(new BatchReport.RefusedRow(lines.get(i), Map.of("holderId", "licenses.error.alreadyHolds")));
            } else if (!type.allowMultiple() && !seen.add(holder)) {
                refused.add(new BatchReport.RefusedRow(lines.get(i), Map.of("holderId", "licenses.batch.error.duplicateInFile")));
            } else {
                placements.add(candidates.get(i));
                placementLines.add(lines.get(i));
            }
        }
        var outcomes = issuer.issue(placements, actor, clock.instant());
        var identifiers = new ArrayList<String>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).inserted()) identifiers.add(outcomes.get(i).row().identifier());
            else refused.add(new BatchReport.RefusedRow(placementLines.get(i), Map.of("holderId", "licenses.error.alreadyHolds")));
        }
        return identifiers;
    }

    /** The header's columns as field names; null when a column is unknown, repeated, or a required one is missing. */
    private static String @Nullable [] columns(LicenseTypeView type, List<String> header) {
        var standard = Map.of("holderName", "持证主体名称", "holderId", "持证主体代码", "number", "证照编号",
                "validFrom", "有效期起始日期", "validTo", "有效期截止日期");
        var names = new String[header.size()];
        var seen = new HashSet<String>();
        for (int i = 0; i < header.size(); i++) {
            var h = header.get(i).strip();
            String name = null;
            for (var e : standard.entrySet()) {
                if (e.getKey().equals(h) || e.getValue().equals(h)) name = e.getKey();
            }
            for (var f : type.fields()) {
                if (f.name().equals(h) || f.zh().equals(h)) name = f.name();
            }
            if (name == null || !seen.add(name)) return null;
            names[i] = name;
        }
        if (!seen.contains("holderName") || !seen.contains("holderId")) return null;
        for (var f : type.fields()) {
            if (f.required() && !seen.contains(f.name())) return null;
        }
        return names;
    }

    private static IssueLicense command(LicenseTypeView type, String[] columns, List<String> fields) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < columns.length && i < fields.size(); i++) values.put(columns[i], fields.get(i));
        var data = new HashMap<String, String>();
        for (var f : type.fields()) {
            if (values.containsKey(f.name())) data.put(f.name(), values.get(f.name()));
        }
        if (fields.size() > columns.length) data.put("(extra)", String.join(",", fields.subList(columns.length, fields.size())));
        return new IssueLicense(type.code(), values.getOrDefault("holderName", ""), values.getOrDefault("holderId", ""), data,
                values.get("number"), date(values.get("validFrom")), date(values.get("validTo")));
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            // Reported by the check as a bad date: a day that cannot be read is neither "today" nor "by the rule".
            return LocalDate.of(1, 1, 1);
        }
    }

    // Shared steps

    /** Places one licence; null when a unique rule stopped it (the holder got one meanwhile). */
    private LicenseStore.@Nullable NewLicense place(Drafts.Draft draft, DepartmentView department, @Nullable String caseNumber,
            String actor, Instant now) {
        var outcome = issuer.issue(List.of(new Placement(draft, department, null, caseNumber, null, null)), actor, now).getFirst();
        if (!outcome.inserted()) return null;
        announce(outcome.row(), actor, now);
        return outcome.row();
    }

    /** Cancels the current licence and issues its next version in the same transaction. */
    private LicenseStore.NewLicense replace(StoredLicense previous, Drafts.Draft draft, DepartmentView department,
            @Nullable String caseNumber, @Nullable String requestKey, String actor, Instant now) {
        if (!store.changeStatus(previous.id(), previous.status(), LicenseStatus.CANCELLED, "licenses.reason.reissued", actor, now)) {
            throw new LicenseRefusedException("licenses.error.notValid", LicenseRefusedException.Kind.CONFLICT);
        }
        events.publishEvent(new LicenseStatusChanged(previous.identifier(), previous.status(), LicenseStatus.CANCELLED,
                "licenses.reason.reissued", actor, now));
        var previousId = LicenseIdentifier.parse(previous.identifier());
        // A new version keeps the serial of the licence it replaces, so it is issued by the same department.
        var outcome = issuer.issue(List.of(new Placement(draft, department, previousId, caseNumber, null, requestKey)), actor, now)
                .getFirst();
        if (!outcome.inserted()) throw new LicenseRefusedException("licenses.error.alreadyHolds", LicenseRefusedException.Kind.CONFLICT);
        announce(outcome.row(), actor, now);
        return outcome.row();
    }

    /**
     * The holder's valid or suspended licence of an exclusive type. A valid one whose period has ended is marked
     * expired first, so that it no longer stands in the way.
     */
    private Optional<StoredLicense> activeNow(LicenseTypeView type, byte[] holderIdx, String actor, Instant now) {
        var today = LocalDate.ofInstant(now, Issuer.CHINA);
        for (var licence : store.active(type.code(), holderIdx)) {
            if (licence.effectiveStatus(today) == LicenseStatus.EXPIRED) {
                if (store.changeStatus(licence.id(), LicenseStatus.VALID, LicenseStatus.EXPIRED, "licenses.reason.expired", "system", now)) {
                    events.publishEvent(new LicenseStatusChanged(licence.identifier(), LicenseStatus.VALID,
                            LicenseStatus.EXPIRED, "licenses.reason.expired", "system", now));
                }
                continue;
            }
            return Optional.of(licence);
        }
        return Optional.empty();
    }

    private DepartmentView issuingDepartment(UUID official, String type) {
        var actor = official.toString();
        String code;
        try {
            var post = identity.profile(official).official();
            code = post == null ? null : post.orgUnitCode();
        } catch (AccountNotFoundException e) {
            code = null;
        }
        if (code == null) {
            refused(actor, type, "NOT_AN_OFFICIAL", Map.of());
            throw new LicenseRefusedException("licenses.error.notAnOfficial", LicenseRefusedException.Kind.FORBIDDEN);
        }
        var licenceType = types.find(type);
        if (licenceType.isEmpty()) {
            refused(actor, type, "UNKNOWN_TYPE", Map.of());
            throw new InvalidLicenseException(Map.of("type", "licenses.error.unknownType"));
        }
        var department = identity.department(code).orElse(null);
        if (!licenceType.get().issuedBy(code) || department == null || department.creditCode() == null) {
            refused(actor, type, "NOT_ISSUER", Map.of("department", code));
            throw new LicenseRefusedException("licenses.error.notIssuer", LicenseRefusedException.Kind.FORBIDDEN);
        }
        return department;
    }

    private void announce(LicenseStore.NewLicense row, String actor, Instant now) {
        events.publishEvent(new LicenseIssued(row.identifier(), row.type(), row.issuerDepartment(), row.holderNameMasked(),
                row.previous(), row.caseNumber(), actor, now));
    }

    private Optional<LicenseSummary> notIssued(CaseConcluded event, String reason) {
        log.warn("Case {} of item {} was approved but issued no licence: {}", event.number(), event.itemCode(), reason);
        audit.recordNow(LicenseEvent.failed(LicenseAudit.LICENCE_CASE_NOT_ISSUED, event.decidedBy(), event.number(),
                Map.of("item", event.itemCode(), "reason", reason)));
        return Optional.empty();
    }

    private void refused(String actor, String subject, String reason, Map<String, String> more) {
        var details = new HashMap<>(more);
        details.put("reason", reason);
        audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_ISSUE_REFUSED, actor, subject, Map.copyOf(details)));
    }

    private LicenseRefusedException batchRefused(String actor, String type, String key) {
        refused(actor, type, "BATCH:" + key.substring(key.lastIndexOf('.') + 1), Map.of());
        return new LicenseRefusedException(key, LicenseRefusedException.Kind.UNPROCESSABLE);
    }

    private LicenseSummary summary(StoredLicense s) {
        return Views.summary(s, types.find(s.type()).orElseThrow(), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A new unified social credit code for an enterprise registered by a market-regulation department: registration
     * authority 9 (市场监管), category 1 (企业), the department's region, an organisation code {@code MA} + six random
     * characters + its GB 11714 check character, and the GB 32100 check character.
     */
    public static String newCreditCode(String region) {
        var alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var org = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) org.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += Character.digit(org.charAt(i), 36) * weights[i];
        int check = 11 - sum % 11;
        org.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        var first17 = "91" + region + org;
        return first17 + CreditCode.checkChar(first17);
    }
}
