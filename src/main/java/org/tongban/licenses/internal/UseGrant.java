package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Departments;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.GrantStore.StoredGrant;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * The uses of a license through an authorisation, each logged for the holder ({@code licenses.use_log}) and audited:
 * an official reads its data through a grant in force, and an application uses one of the holder's licenses instead
 * of an upload (免证办), which is the holder's authorisation for that item and case.
 */
@Service
class UseGrant {

    /** How long a license chosen in an application may be read by the officials who handle the case. */
    static final int CASE_DAYS = 90;

    private final LicenseStore licenses;
    private final GrantStore grants;
    private final LicenseTypeStore types;
    private final Holders holders;
    private final GrantViews views;
    private final LicenseWallet wallet;
    private final Officials officials;
    private final Departments identity;
    private final CatalogManagement catalog;
    private final CaseHandling handling;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UseGrant(
            LicenseStore licenses,
            GrantStore grants,
            LicenseTypeStore types,
            Holders holders,
            GrantViews views,
            LicenseWallet wallet,
            Officials officials,
            Departments identity,
            CatalogManagement catalog,
            CaseHandling handling,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.licenses = licenses;
        this.grants = grants;
        this.types = types;
        this.holders = holders;
        this.views = views;
        this.wallet = wallet;
        this.officials = officials;
        this.identity = identity;
        this.catalog = catalog;
        this.handling = handling;
        this.audit = audit;
        this.events = events;
    }

    /** See {@link LicenseGrants#read}. */
    @Transactional
    GrantedLicenseView read(UUID official, UUID grantId, @Nullable String caseNumber) {
        var actor = official.toString();
        var g = grants.find(grantId).orElse(null);
        if (g == null) {
            views.readRefused(actor, grantId.toString(), "NOT_FOUND");
            throw new LicenseNotFoundException();
        }
        var stored = licenses.find(g.licenseId()).orElseThrow();
        var today = today();
        var department = officials.departmentOf(official);
        String usedCase = null;
        boolean allowed = false;
        if (department != null && g.granteeKind() == GranteeKind.DEPARTMENT) {
            allowed = g.grantee().equals(department);
        } else if (department != null) {
            usedCase = g.caseNumber() != null
                    ? g.caseNumber()
                    : caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
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
            // Another department's grant is not found, as another holder's license is: a grant id reveals nothing
            // (issue 11, finding 8). Only the grantee learns that a grant was withdrawn or has expired, below.
            views.readRefused(actor, grantId.toString(), department == null ? "NOT_AN_OFFICIAL" : "NOT_GRANTEE");
            if (department == null)
                throw new LicenseRefusedException(
                        "licenses.grants.error.notGrantee", LicenseRefusedException.Kind.FORBIDDEN);
            throw new LicenseNotFoundException();
        }
        switch (g.status(today)) {
            case WITHDRAWN -> {
                views.readRefused(actor, grantId.toString(), "WITHDRAWN");
                throw new LicenseRefusedException(
                        "licenses.grants.error.withdrawn", LicenseRefusedException.Kind.FORBIDDEN);
            }
            case EXPIRED -> {
                views.readRefused(actor, grantId.toString(), "EXPIRED");
                throw new LicenseRefusedException(
                        "licenses.grants.error.expired", LicenseRefusedException.Kind.FORBIDDEN);
            }
            case ACTIVE -> {}
        }
        var status = stored.effectiveStatus(today);
        if (status != LicenseStatus.VALID) {
            views.readRefused(actor, grantId.toString(), "LICENCE_" + status.name());
            throw new LicenseRefusedException(
                    "licenses.grants.error.licenseNotValid", LicenseRefusedException.Kind.CONFLICT);
        }
        var now = clock.instant();
        grants.log(g.id(), GrantUse.By.OFFICIAL, actor, department, usedCase, GrantUse.Disclosed.FULL, now);
        var details = new LinkedHashMap<String, String>();
        details.put("grant", g.id().toString());
        details.put("department", department);
        if (usedCase != null) details.put("case", usedCase);
        // In this transaction: the license leaves only with its audit entry written.
        audit.recordWithin(
                AuditRecord.success(LicenseAudit.LICENCE_READ_THROUGH_GRANT, actor, stored.identifier(), details));
        return new GrantedLicenseView(views.view(g, stored, today), wallet.view(stored));
    }

    // Applications (the cases module's license port, CaseLicenseEvidence)

    /** The holder's valid licenses of a type, for an application to choose from. */
    @Transactional(readOnly = true)
    List<StoredLicense> available(UUID holder, String type) {
        var today = today();
        return holders.of(holder).stream()
                .flatMap(idx -> licenses.active(type, idx).stream())
                .filter(l -> l.effectiveStatus(today) == LicenseStatus.VALID)
                .toList();
    }

    /**
     * Uses one of the holder's licenses in an application: the holder's choice is their authorisation for the item
     * and the case, good for {@link #CASE_DAYS} days (one already made for the case is used again). Logs the use
     * and returns the summary the case keeps; the full data is read through the authorisation.
     *
     * @throws CaseRefusedException not the holder's license, another type, or not valid (suspended, revoked, expired)
     */
    @Transactional
    String useInCase(UUID holder, String identifier, String type, String itemCode, String caseNumber) {
        var stored = licenses.find(identifier == null ? "" : identifier.strip()).orElse(null);
        var today = today();
        String refusal = null;
        String reason = null;
        if (stored == null || !holders.holds(holder, stored.holderIdx())) {
            refusal = "cases.error.licenseNotYours";
            reason = "NOT_HOLDER";
        } else if (!stored.type().equals(type)) {
            refusal = "cases.error.licenseWrongType";
            reason = "WRONG_TYPE";
        } else if (stored.effectiveStatus(today) != LicenseStatus.VALID) {
            refusal = "cases.error.licenseNotValid";
            reason = "LICENCE_" + stored.effectiveStatus(today).name();
        }
        if (refusal != null) {
            views.refused(
                    holder,
                    identifier == null ? "" : identifier,
                    Objects.requireNonNull(reason, "every refusal has its reason"),
                    Map.of("item", itemCode, "case", caseNumber));
            throw new CaseRefusedException(refusal);
        }
        var item = catalog.guide(itemCode);
        var now = clock.instant();
        Objects.requireNonNull(stored, "a missing license was refused above");
        var g = grants.activeForCase(stored.id(), caseNumber, today).orElse(null);
        if (g == null) {
            var purpose = "办理 " + item.map(i -> i.nameZh()).orElse(itemCode) + " 办件 " + caseNumber;
            if (purpose.length() > GiveGrant.PURPOSE_MAX) purpose = "办理 " + itemCode + " 办件 " + caseNumber;
            g = new StoredGrant(
                    UUID.randomUUID(),
                    stored.id(),
                    holder,
                    GranteeKind.ITEM,
                    itemCode,
                    purpose,
                    caseNumber,
                    today.plusDays(CASE_DAYS),
                    now,
                    null);
            grants.insert(g, null);
            events.publishEvent(AuditRecord.success(
                    LicenseAudit.LICENCE_GRANTED,
                    holder.toString(),
                    stored.identifier(),
                    Map.of(
                            "grant",
                            g.id().toString(),
                            "grantee",
                            "ITEM:" + itemCode,
                            "until",
                            g.validUntil().toString(),
                            "case",
                            caseNumber)));
        }
        var department = item.map(i -> i.departmentCode()).orElse(null);
        grants.log(
                g.id(), GrantUse.By.CASE, holder.toString(), department, caseNumber, GrantUse.Disclosed.SUMMARY, now);
        events.publishEvent(AuditRecord.success(
                LicenseAudit.LICENCE_USED_IN_CASE,
                holder.toString(),
                stored.identifier(),
                Map.of("grant", g.id().toString(), "item", itemCode, "case", caseNumber)));
        return summary(stored, g, today);
    }

    /** What a case keeps of a license used in it: enough to know which license, no more personal data than masked. */
    private String summary(StoredLicense stored, StoredGrant g, LocalDate today) {
        var type = types.find(stored.type()).orElseThrow();
        var issuer = identity.department(stored.issuerDepartment())
                .map(d -> d.nameZh())
                .orElse(stored.issuerDepartment());
        var lines = new StringBuilder();
        lines.append("证照: ").append(type.nameZh()).append('\n');
        lines.append("电子证照标识: ").append(stored.identifier()).append('\n');
        lines.append("持证主体: ")
                .append(stored.holderNameMasked())
                .append(' ')
                .append(stored.holderIdMasked())
                .append('\n');
        lines.append("颁发机构: ").append(issuer).append('\n');
        lines.append("有效期: ")
                .append(stored.validFrom())
                .append(" 至 ")
                .append(stored.validTo() == null ? "长期" : stored.validTo().toString())
                .append('\n');
        lines.append("状态: ").append(stored.effectiveStatus(today).code()).append('\n');
        lines.append("用证授权: ")
                .append(g.id())
                .append(", 至 ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(g.validUntil()));
        return lines.toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
