package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.IdentityManagement;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseEvent;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.GrantStore.StoredGrant;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * Use authorisations (用证授权, DOMAIN.md 5.5). The holder lets a department, or whoever handles a service item, read a
 * licence's data for a purpose until a date; lists them, withdraws them (at once: every read checks), and sees every
 * use. Choosing a licence in an application is the holder's authorisation for that item and case
 * ({@link #useInCase}). An official reads a licence only through an authorisation that is in force, for their own
 * department or for a case of the item, filed by the holder, that their department takes part in, and only while
 * the licence is valid;
 * each read is logged for the holder and audited. Another holder's licence or grant is not found.
 */
@Service
public class LicenseGrants {

    public static final int PURPOSE_MAX = 100;
    /** How long a licence chosen in an application may be read by the officials who handle the case. */
    public static final int CASE_DAYS = 90;
    static final int LOG_MAX = 200;

    private final LicenseStore licences;
    private final GrantStore grants;
    private final LicenseTypeStore types;
    private final Holders holders;
    private final LicenseWallet wallet;
    private final IdentityManagement identity;
    private final CatalogManagement catalog;
    private final CaseHandling handling;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.system(Issuer.CHINA);

    LicenseGrants(LicenseStore licences, GrantStore grants, LicenseTypeStore types, Holders holders, LicenseWallet wallet,
            IdentityManagement identity, CatalogManagement catalog, CaseHandling handling, AuditManagement audit,
            ApplicationEventPublisher events) {
        this.licences = licences;
        this.grants = grants;
        this.types = types;
        this.holders = holders;
        this.wallet = wallet;
        this.identity = identity;
        this.catalog = catalog;
        this.handling = handling;
        this.audit = audit;
        this.events = events;
    }

    // The holder

    /**
     * Authorises a department or an item's handlers to read one of the holder's licences. The licence must be valid
     * now.
     *
     * Repeating a request with the same {@code requestKey} (the Idempotency-Key) returns the grant made the first time.
     *
     * @throws LicenseNotFoundException not the holder's licence
     * @throws InvalidLicenseException by field: granteeKind, grantee, purpose, validUntil
     * @throws LicenseRefusedException the licence is not valid (409)
     */
    @Transactional
    public GrantView grant(UUID holder, String identifier, GrantLicence command, @Nullable String requestKey) {
        var stored = own(holder, identifier, "GRANT");
        var today = today();
        var key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
        if (key != null && key.length() > 100) throw new InvalidLicenseException(Map.of("requestKey", "licenses.error.tooLong"));
        if (key != null) {
            var earlier = grants.byRequest(holder, key).filter(g -> g.licenseId() == stored.id());
            if (earlier.isPresent()) return view(earlier.get(), stored, today);
        }
        var errors = new LinkedHashMap<String, String>();
        var kind = command.granteeKind() == null ? "" : command.granteeKind().strip().toUpperCase(java.util.Locale.ROOT);
        var grantee = command.grantee() == null ? "" : command.grantee().strip();
        if (!kind.equals("DEPARTMENT") && !kind.equals("ITEM")) {
            errors.put("granteeKind", "licenses.grants.error.granteeKind");
        } else if (grantee.isEmpty()) {
            errors.put("grantee", "licenses.error.required");
        } else if (kind.equals("DEPARTMENT") ? identity.department(grantee).isEmpty() : catalog.guide(grantee).isEmpty()) {
            errors.put("grantee", kind.equals("DEPARTMENT") ? "licenses.grants.error.unknownDepartment" : "licenses.grants.error.unknownItem");
        }
        var purpose = command.purpose() == null ? "" : command.purpose().strip();
        if (purpose.isEmpty()) errors.put("purpose", "licenses.error.required");
        else if (purpose.length() > PURPOSE_MAX) errors.put("purpose", "licenses.grants.error.purposeTooLong");
        var until = command.validUntil();
        if (until == null) errors.put("validUntil", "licenses.error.required");
        else if (!until.isAfter(today)) errors.put("validUntil", "licenses.grants.error.untilPast");
        else if (until.isAfter(today.plusYears(1))) errors.put("validUntil", "licenses.grants.error.untilTooFar");
        if (!errors.isEmpty()) {
            refused(holder, stored.identifier(), "INVALID", Map.of("fields", String.join(",", errors.keySet())));
            throw new InvalidLicenseException(errors);
        }
        if (stored.effectiveStatus(today) != LicenseStatus.VALID) {
            refused(holder, stored.identifier(), "LICENCE_" + stored.effectiveStatus(today).name(), Map.of());
            throw new LicenseRefusedException("licenses.grants.error.licenceNotValid", LicenseRefusedException.Kind.CONFLICT);
        }
        var g = new StoredGrant(UUID.randomUUID(), stored.id(), holder, kind, grantee, purpose, null, until, clock.instant(), null);
        if (!grants.insert(g, key)) {
            // A concurrent request with the same key won; answer with its grant.
            return view(grants.byRequest(holder, key).orElseThrow(), stored, today);
        }
        events.publishEvent(LicenseEvent.success(LicenseAudit.LICENCE_GRANTED, holder.toString(), stored.identifier(),
                Map.of("grant", g.id().toString(), "grantee", kind + ":" + grantee, "until", until.toString())));
        return view(g, stored, today);
    }

    /** The authorisations of one of the holder's licences, newest first. */
    @Transactional(readOnly = true)
    public List<GrantView> grants(UUID holder, String identifier) {
        var stored = own(holder, identifier, "GRANTS");
        var today = today();
        return grants.ofLicense(stored.id()).stream().map(g -> view(g, stored, today)).toList();
    }

    /**
     * Withdraws an authorisation of one of the holder's licences (撤回授权); from now on no read goes through it.
     * Withdrawing one that is withdrawn already changes nothing.
     *
     * @throws LicenseNotFoundException no such grant, or not on a licence the account holds
     */
    @Transactional
    public GrantView withdraw(UUID holder, UUID grantId) {
        var g = grants.lock(grantId).orElse(null);
        var stored = g == null ? null : licences.find(g.licenseId()).filter(l -> holders.holds(holder, l.holderIdx())).orElse(null);
        if (g == null || stored == null) {
            audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_ACCESS_DENIED, holder.toString(), grantId.toString(),
                    Map.of("purpose", "WITHDRAW_GRANT", "reason", "NOT_FOUND")));
            throw new LicenseNotFoundException();
        }
        var now = clock.instant();
        if (grants.withdraw(grantId, now)) {
            events.publishEvent(LicenseEvent.success(LicenseAudit.LICENCE_GRANT_WITHDRAWN, holder.toString(),
                    stored.identifier(), Map.of("grant", grantId.toString(), "grantee", g.granteeKind() + ":" + g.grantee())));
        }
        return view(grants.find(grantId).orElseThrow(), stored, today());
    }

    /** Every use of one of the holder's licences through an authorisation, newest first (the last 200). */
    @Transactional(readOnly = true)
    public List<GrantUseView> log(UUID holder, String identifier) {
        var stored = own(holder, identifier, "GRANT_LOG");
        return grants.uses(stored.id(), LOG_MAX).stream().map(u -> {
            var dept = u.department() == null ? null : identity.department(u.department()).orElse(null);
            return new GrantUseView(u.grantId(), u.actorKind(), u.department(),
                    dept == null ? (u.department() == null ? "" : u.department()) : dept.nameZh(),
                    dept == null ? (u.department() == null ? "" : u.department()) : dept.nameEn(), u.caseNumber(), u.what(),
                    u.purpose(), u.at());
        }).toList();
    }

    // Officials

    /**
     * The authorisations that applications made for a case the official's department takes part in (the licences
     * chosen instead of uploads), with their status; nothing is read yet.
     *
     * @throws LicenseNotFoundException the case is not one of the department's
     */
    @Transactional(readOnly = true)
    public List<GrantView> forCase(UUID official, String caseNumber) {
        try {
            handling.itemOf(official, caseNumber);
        } catch (CaseNotFoundException | CaseRefusedException e) {
            throw new LicenseNotFoundException();
        }
        var today = today();
        return grants.ofCase(caseNumber).stream()
                .map(g -> view(g, licences.find(g.licenseId()).orElseThrow(), today)).toList();
    }

    /**
     * Reads a licence's data through an authorisation: it must not be withdrawn nor past its date, the official's
     * department must be the grantee or take part in a case of the granted item filed by the licence's holder
     * ({@code caseNumber}; a grant made by an application names its own case), and the licence must be valid. Logged for the holder and audited;
     * refusals are audited too.
     *
     * @throws LicenseNotFoundException no such grant
     * @throws LicenseRefusedException withdrawn, expired, not the official's (403) or the licence not valid (409)
     */
    @Transactional
    public GrantedLicenceView read(UUID official, UUID grantId, @Nullable String caseNumber) {
        var actor = official.toString();
        var g = grants.find(grantId).orElse(null);
        if (g == null) {
            readRefused(actor, grantId.toString(), "NOT_FOUND");
            throw new LicenseNotFoundException();
        }
        var stored = licences.find(g.licenseId()).orElseThrow();
        var today = today();
        if (g.withdrawnAt() != null) {
            readRefused(actor, grantId.toString(), "WITHDRAWN");
            throw new LicenseRefusedException("licenses.grants.error.withdrawn", LicenseRefusedException.Kind.FORBIDDEN);
        }
        if (g.validUntil().isBefore(today)) {
            readRefused(actor, grantId.toString(), "EXPIRED");
            throw new LicenseRefusedException("licenses.grants.error.expired", LicenseRefusedException.Kind.FORBIDDEN);
        }
        var department = departmentOf(official);
        String usedCase = null;
        boolean allowed = false;
        if (department != null && g.granteeKind().equals("DEPARTMENT")) {
            allowed = g.grantee().equals(department);
        } else if (department != null) {
            usedCase = g.caseNumber() != null ? g.caseNumber() : caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
            if (usedCase != null) {
                try {
                    // The holder authorised the item for their own applications: a case of that item filed by
                    // someone else (who might name any grant) is not one of them.
                    allowed = handling.itemOf(official, usedCase).equals(g.grantee())
                            && holders.holds(handling.applicantOf(official, usedCase), stored.holderIdx());
                } catch (CaseNotFoundException | CaseRefusedException e) {
                    allowed = false;
                }
            }
        }
        if (!allowed) {
            readRefused(actor, grantId.toString(), department == null ? "NOT_AN_OFFICIAL" : "NOT_GRANTEE");
            throw new LicenseRefusedException("licenses.grants.error.notGrantee", LicenseRefusedException.Kind.FORBIDDEN);
        }
        var status = stored.effectiveStatus(today);
        if (status != LicenseStatus.VALID) {
            readRefused(actor, grantId.toString(), "LICENCE_" + status.name());
            throw new LicenseRefusedException("licenses.grants.error.licenceNotValid", LicenseRefusedException.Kind.CONFLICT);
        }
        var now = clock.instant();
        grants.log(g.id(), "OFFICIAL", actor, department, usedCase, "FULL", now);
        var details = new LinkedHashMap<String, String>();
        details.put("grant", g.id().toString());
        details.put("department", department);
        if (usedCase != null) details.put("case", usedCase);
        // In this transaction: the licence leaves only with its audit entry written.
        audit.recordWithin(LicenseEvent.success(LicenseAudit.LICENCE_READ_THROUGH_GRANT, actor, stored.identifier(), details));
        return new GrantedLicenceView(view(g, stored, today), wallet.view(stored));
    }

    // Applications (the cases module's licence port)

    /** The holder's valid licences of a type, for an application to choose from. */
    @Transactional(readOnly = true)
    List<StoredLicense> available(UUID holder, String type) {
        var today = today();
        return holders.of(holder).stream().flatMap(idx -> licences.active(type, idx).stream())
                .filter(l -> l.effectiveStatus(today) == LicenseStatus.VALID).toList();
    }

    /**
     * Uses one of the holder's licences in an application: the holder's choice is their authorisation for the item
     * and the case, good for {@link #CASE_DAYS} days (one already made for the case is used again). Logs the use
     * and returns the summary the case keeps; the full data is read through the authorisation.
     *
     * @throws CaseRefusedException not the holder's licence, another type, or not valid (suspended, revoked, expired)
     */
    @Transactional
    String useInCase(UUID holder, String identifier, String type, String itemCode, String caseNumber) {
        var stored = licences.find(identifier == null ? "" : identifier.strip()).orElse(null);
        var today = today();
        String refusal = null;
        String reason = null;
        if (stored == null || !holders.holds(holder, stored.holderIdx())) {
            refusal = "cases.error.licenceNotYours";
            reason = "NOT_HOLDER";
        } else if (!stored.type().equals(type)) {
            refusal = "cases.error.licenceWrongType";
            reason = "WRONG_TYPE";
        } else if (stored.effectiveStatus(today) != LicenseStatus.VALID) {
            refusal = "cases.error.licenceNotValid";
            reason = "LICENCE_" + stored.effectiveStatus(today).name();
        }
        if (refusal != null) {
            refused(holder, identifier == null ? "" : identifier, reason, Map.of("item", itemCode, "case", caseNumber));
            throw new CaseRefusedException(refusal);
        }
        var item = catalog.guide(itemCode);
        var now = clock.instant();
        var g = grants.activeForCase(stored.id(), caseNumber, today).orElse(null);
        if (g == null) {
            var purpose = "办理 " + item.map(i -> i.nameZh()).orElse(itemCode) + " 办件 " + caseNumber;
            if (purpose.length() > PURPOSE_MAX) purpose = "办理 " + itemCode + " 办件 " + caseNumber;
            g = new StoredGrant(UUID.randomUUID(), stored.id(), holder, "ITEM", itemCode, purpose, caseNumber,
                    today.plusDays(CASE_DAYS), now, null);
            grants.insert(g, null);
            events.publishEvent(LicenseEvent.success(LicenseAudit.LICENCE_GRANTED, holder.toString(), stored.identifier(),
                    Map.of("grant", g.id().toString(), "grantee", "ITEM:" + itemCode, "until", g.validUntil().toString(),
                            "case", caseNumber)));
        }
        var department = item.map(i -> i.departmentCode()).orElse(null);
        grants.log(g.id(), "CASE", holder.toString(), department, caseNumber, "SUMMARY", now);
        events.publishEvent(LicenseEvent.success(LicenseAudit.LICENCE_USED_IN_CASE, holder.toString(), stored.identifier(),
                Map.of("grant", g.id().toString(), "item", itemCode, "case", caseNumber)));
        return summary(stored, g, today);
    }

    /** What a case keeps of a licence used in it: enough to know which licence, no more personal data than masked. */
    private String summary(StoredLicense stored, StoredGrant g, LocalDate today) {
        var type = types.find(stored.type()).orElseThrow();
        var issuer = identity.department(stored.issuerDepartment()).map(d -> d.nameZh()).orElse(stored.issuerDepartment());
        var lines = new StringBuilder();
        lines.append("证照: ").append(type.nameZh()).append('\n');
        lines.append("电子证照标识: ").append(stored.identifier()).append('\n');
        lines.append("持证主体: ").append(stored.holderNameMasked()).append(' ').append(stored.holderIdMasked()).append('\n');
        lines.append("颁发机构: ").append(issuer).append('\n');
        lines.append("有效期: ").append(stored.validFrom()).append(" 至 ")
                .append(stored.validTo() == null ? "长期" : stored.validTo().toString()).append('\n');
        lines.append("状态: ").append(stored.effectiveStatus(today).code()).append('\n');
        lines.append("用证授权: ").append(g.id()).append(", 至 ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(g.validUntil()));
        return lines.toString();
    }

    private StoredLicense own(UUID account, @Nullable String identifier, String purpose) {
        var id = identifier == null ? "" : identifier.strip();
        var stored = licences.find(id).orElse(null);
        if (stored == null || !holders.holds(account, stored.holderIdx())) {
            audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_ACCESS_DENIED, account.toString(), id,
                    Map.of("purpose", purpose, "reason", stored == null ? "NOT_FOUND" : "NOT_HOLDER")));
            throw new LicenseNotFoundException();
        }
        return stored;
    }

    private GrantView view(StoredGrant g, StoredLicense stored, LocalDate today) {
        String zh = g.grantee();
        String en = g.grantee();
        if (g.granteeKind().equals("DEPARTMENT")) {
            var d = identity.department(g.grantee());
            if (d.isPresent()) {
                zh = d.get().nameZh();
                en = d.get().nameEn();
            }
        } else {
            var item = catalog.guide(g.grantee());
            if (item.isPresent()) {
                zh = item.get().nameZh();
                en = item.get().nameEn();
            }
        }
        var status = g.withdrawnAt() != null ? GrantStatus.WITHDRAWN
                : g.validUntil().isBefore(today) ? GrantStatus.EXPIRED : GrantStatus.ACTIVE;
        return new GrantView(g.id(), stored.identifier(), stored.type(), g.granteeKind(), g.grantee(), zh, en, g.purpose(),
                g.caseNumber(), g.validUntil(), g.createdAt(), g.withdrawnAt(), status);
    }

    private void refused(UUID holder, String identifier, String reason, Map<String, String> more) {
        var details = new LinkedHashMap<String, String>(more);
        details.put("reason", reason);
        audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_GRANT_REFUSED, holder.toString(), identifier, details));
    }

    private void readRefused(String actor, String grant, String reason) {
        audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_GRANT_READ_REFUSED, actor, grant, Map.of("reason", reason)));
    }

    private @Nullable String departmentOf(UUID official) {
        try {
            var post = identity.profile(official).official();
            return post == null ? null : post.orgUnitCode();
        } catch (AccountNotFoundException e) {
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
