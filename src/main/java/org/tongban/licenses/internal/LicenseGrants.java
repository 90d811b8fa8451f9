package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;

/**
 * Use authorisations (用证授权, DOMAIN.md 5.5). The holder lets a department, or whoever handles a service item, read a
 * license's data for a purpose until a date; lists them, withdraws them (at once: every read checks), and sees every
 * use. Choosing a license in an application is the holder's authorisation for that item and case
 * ({@link UseGrant#useInCase}, the cases module's license port). An official reads a license only through an
 * authorisation that is in force, for their own department or for a case of the item, filed by the holder, that
 * their department takes part in, and only while the license is valid; each read is logged for the holder and
 * audited. Another holder's license or grant is not found.
 *
 * <p>The entry point of the pages and the API: the changes are use cases of their own ({@link GiveGrant},
 * {@link WithdrawGrant}, {@link UseGrant}), each owning its transaction; the lists are read here.
 */
@Service
public class LicenseGrants {

    public static final int PURPOSE_MAX = GiveGrant.PURPOSE_MAX;
    /** How long a license chosen in an application may be read by the officials who handle the case. */
    public static final int CASE_DAYS = UseGrant.CASE_DAYS;

    static final int LOG_MAX = 200;

    private final GiveGrant giving;
    private final WithdrawGrant withdrawing;
    private final UseGrant using;
    private final HeldLicenses held;
    private final LicenseStore licenses;
    private final GrantStore grants;
    private final GrantViews views;
    private final LicenseTypeStore types;
    private final Departments identity;
    private final CaseHandling handling;
    private final Clock clock;

    LicenseGrants(
            GiveGrant giving,
            WithdrawGrant withdrawing,
            UseGrant using,
            HeldLicenses held,
            LicenseStore licenses,
            GrantStore grants,
            GrantViews views,
            LicenseTypeStore types,
            Departments identity,
            CaseHandling handling,
            Clock clock) {
        this.clock = clock;
        this.giving = giving;
        this.withdrawing = withdrawing;
        this.using = using;
        this.held = held;
        this.licenses = licenses;
        this.grants = grants;
        this.views = views;
        this.types = types;
        this.identity = identity;
        this.handling = handling;
    }

    // The holder

    /**
     * Authorises a department or an item's handlers to read one of the holder's licenses. The license must be valid
     * now.
     *
     * Repeating a request with the same {@code requestKey} (the Idempotency-Key) returns the grant made the first time.
     *
     * @throws LicenseNotFoundException not the holder's license
     * @throws InvalidLicenseException by field: granteeKind, grantee, purpose, validUntil
     * @throws LicenseRefusedException the license is not valid (409)
     */
    public GrantView grant(UUID holder, String identifier, GrantLicense command, @Nullable String requestKey) {
        return giving.grant(holder, identifier, command, requestKey);
    }

    /** The authorisations of one of the holder's licenses, newest first. */
    @Transactional(readOnly = true)
    public List<GrantView> grants(UUID holder, String identifier) {
        var stored = held.own(holder, identifier, "GRANTS");
        var today = today();
        return grants.ofLicense(stored.id()).stream()
                .map(g -> views.view(g, stored, today))
                .toList();
    }

    /**
     * Withdraws an authorisation of one of the holder's licenses (撤回授权); from now on no read goes through it.
     * Withdrawing one that is withdrawn already changes nothing.
     *
     * @throws LicenseNotFoundException no such grant, or not on a license the account holds
     */
    public GrantView withdraw(UUID holder, UUID grantId) {
        return withdrawing.withdraw(holder, grantId);
    }

    /** Every use of one of the holder's licenses through an authorisation, newest first (the last 200). */
    @Transactional(readOnly = true)
    public List<GrantUseView> log(UUID holder, String identifier) {
        var stored = held.own(holder, identifier, "GRANT_LOG");
        return grants.uses(stored.id(), LOG_MAX).stream()
                .map(u -> {
                    var dept = u.department() == null
                            ? null
                            : identity.department(u.department()).orElse(null);
                    return new GrantUseView(
                            u.grantId(),
                            u.actorKind(),
                            u.department(),
                            dept == null ? (u.department() == null ? "" : u.department()) : dept.nameZh(),
                            dept == null ? (u.department() == null ? "" : u.department()) : dept.nameEn(),
                            u.caseNumber(),
                            u.what(),
                            u.purpose(),
                            u.at());
                })
                .toList();
    }

    // Officials

    /**
     * The authorisations that applications made for a case the official's department takes part in (the licenses
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
                .map(g -> views.view(g, licenses.find(g.licenseId()).orElseThrow(), today))
                .toList();
    }

    /**
     * The authorisations in force to the official's department (用证授权 given on a license page), those ending soonest
     * first, at most 200: what the department may open. Nothing is read yet, so nothing is logged; an account that
     * is not an official has none.
     */
    @Transactional(readOnly = true)
    public List<DepartmentGrantView> forDepartment(UUID official) {
        var department = identity.departmentOf(official).orElse(null);
        if (department == null) return List.of();
        var today = today();
        return grants.toDepartment(department, today, LOG_MAX).stream()
                .map(g -> {
                    var stored = licenses.find(g.licenseId()).orElseThrow();
                    var type = types.find(stored.type()).orElseThrow();
                    return new DepartmentGrantView(
                            views.view(g, stored, today),
                            type.nameZh(),
                            type.nameEn(),
                            stored.holderNameMasked(),
                            stored.effectiveStatus(today));
                })
                .toList();
    }

    /**
     * Reads a license's data through an authorisation: it must not be withdrawn nor past its date, the official's
     * department must be the grantee or take part in a case of the granted item filed by the license's holder
     * ({@code caseNumber}; a grant made by an application names its own case), and the license must be valid. Logged for the holder and audited;
     * refusals are audited too.
     *
     * @throws LicenseNotFoundException no such grant
     * @throws LicenseRefusedException withdrawn, expired, not the official's (403) or the license not valid (409)
     */
    public GrantedLicenseView read(UUID official, UUID grantId, @Nullable String caseNumber) {
        return using.read(official, grantId, caseNumber);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
