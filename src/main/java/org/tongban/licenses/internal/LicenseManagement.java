package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.IdentityManagement;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseEvent;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.LicenseStatusChanged;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * A licence's life after issue (DOMAIN.md 5.3): revocation (撤销), suspension (暂扣) and reinstatement (暂扣发还) by an
 * official of the issuing department, each with a reason; expiry when the validity period ends (a daily sweep, and
 * every read treats a valid licence past its last day as expired); the public status by identifier; the department's
 * register of what it issued. Another department's licence is not found. Every change is recorded with its reason
 * in the licence's history and on the audit trail; refusals too.
 */
@Service
public class LicenseManagement {

    static final int REASON_MAX = 500;
    static final int MAX_PAGE = 100;

    private final LicenseStore store;
    private final LicenseTypeStore types;
    private final IdentityManagement identity;
    private final LicenseWallet wallet;
    private final Publications publications;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.system(Issuer.CHINA);

    LicenseManagement(LicenseStore store, LicenseTypeStore types, IdentityManagement identity, LicenseWallet wallet,
            Publications publications, AuditManagement audit, ApplicationEventPublisher events) {
        this.store = store;
        this.types = types;
        this.identity = identity;
        this.wallet = wallet;
        this.publications = publications;
        this.audit = audit;
        this.events = events;
    }

    /** Revokes a valid or suspended licence (撤销/吊销); final. */
    @Transactional
    public LicenseSummary revoke(UUID official, String identifier, @Nullable String reason) {
        return change(official, identifier, reason, LicenseStatus.REVOKED, List.of(LicenseStatus.VALID, LicenseStatus.SUSPENDED));
    }

    /** Suspends a valid licence (暂扣). */
    @Transactional
    public LicenseSummary suspend(UUID official, String identifier, @Nullable String reason) {
        return change(official, identifier, reason, LicenseStatus.SUSPENDED, List.of(LicenseStatus.VALID));
    }

    /** Lifts a suspension (暂扣发还); a licence whose period ended meanwhile is refused, it has expired. */
    @Transactional
    public LicenseSummary reinstate(UUID official, String identifier, @Nullable String reason) {
        return change(official, identifier, reason, LicenseStatus.VALID, List.of(LicenseStatus.SUSPENDED));
    }

    /** The status of a licence by identifier, for anyone (no holder, no data). */
    @Transactional(readOnly = true)
    public Optional<LicenseStatusView> status(String identifier) {
        var today = today();
        return store.find(identifier == null ? "" : identifier.strip()).map(s -> new LicenseStatusView(s.identifier(),
                s.effectiveStatus(today), s.effectiveStatus(today).code(), s.validTo(), s.statusChangedAt(), s.id()));
    }

    /** What the official's department issued, newest first, a page at a time (keyset on the licence id). */
    @Transactional(readOnly = true)
    public WalletPage issuedByMyDepartment(UUID official, @Nullable Long before, int limit) {
        var department = departmentOf(official);
        if (department == null) return new WalletPage(List.of(), null);
        int n = Math.clamp(limit, 1, MAX_PAGE);
        var rows = store.ofIssuer(department, before == null ? Long.MAX_VALUE : before, n + 1);
        var today = today();
        var page = rows.stream().limit(n).map(s -> Views.summary(s, types.find(s.type()).orElseThrow(), today)).toList();
        return new WalletPage(page, rows.size() > n ? page.getLast().id() : null);
    }

    /**
     * One licence of the official's department in full, with its status history; every read is recorded
     * ({@link LicenseAudit#LICENCE_READ_BY_OFFICIAL}) in this transaction, as it shows the holder's personal data:
     * no entry, no licence.
     */
    @Transactional
    public LicenseView licence(UUID official, String identifier) {
        var stored = ofMyDepartment(official, identifier, "READ");
        audit.recordWithin(LicenseEvent.success(LicenseAudit.LICENCE_READ_BY_OFFICIAL, official.toString(),
                stored.identifier(), Map.of("holder", stored.holderNameMasked())));
        return wallet.view(stored);
    }

    /** The status changes of a licence of the official's department: from, to, reason, actor, when. */
    @Transactional(readOnly = true)
    public List<String[]> history(UUID official, String identifier) {
        return store.history(ofMyDepartment(official, identifier, "HISTORY").id());
    }

    /**
     * Marks every valid licence whose last day has passed as expired (过期失效), with its history; returns how many.
     * Run daily by the module's scheduler; safe to run on several nodes (a second run finds nothing).
     */
    @Transactional
    public int expireEnded() {
        var now = Instant.now();
        int n = store.expire(LocalDate.ofInstant(now, Issuer.CHINA), now);
        if (n > 0) {
            events.publishEvent(LicenseEvent.success(LicenseAudit.LICENCES_EXPIRED, "system", LocalDate.ofInstant(now, Issuer.CHINA).toString(),
                    Map.of("count", Integer.toString(n))));
            publications.statusChanged();
        }
        return n;
    }

    private LicenseSummary change(UUID official, String identifier, @Nullable String reason, LicenseStatus to,
            List<LicenseStatus> from) {
        var actor = official.toString();
        var clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > REASON_MAX) {
            refused(actor, identifier, to, clean.isEmpty() ? "NO_REASON" : "REASON_TOO_LONG");
            throw new InvalidLicenseException(Map.of("reason", clean.isEmpty() ? "licenses.error.required" : "licenses.error.tooLong"));
        }
        var department = departmentOf(official);
        var stored = department == null ? null : store.lock(identifier == null ? "" : identifier.strip())
                .filter(s -> s.issuerDepartment().equals(department)).orElse(null);
        if (stored == null) {
            refused(actor, identifier, to, "NOT_FOUND");
            throw new LicenseNotFoundException();
        }
        var now = clock.instant();
        var current = stored.effectiveStatus(LocalDate.ofInstant(now, Issuer.CHINA));
        if (!from.contains(current)) {
            refused(actor, stored.identifier(), to, "FROM_" + current.name());
            throw new LicenseRefusedException("licenses.error.transition." + current.name(), LicenseRefusedException.Kind.CONFLICT);
        }
        if (to == LicenseStatus.VALID && stored.validTo() != null && stored.validTo().isBefore(LocalDate.ofInstant(now, Issuer.CHINA))) {
            refused(actor, stored.identifier(), to, "ENDED");
            throw new LicenseRefusedException("licenses.error.ended", LicenseRefusedException.Kind.CONFLICT);
        }
        if (!store.changeStatus(stored.id(), stored.status(), to, clean, actor, now)) {
            throw new LicenseRefusedException("licenses.error.transition." + current.name(), LicenseRefusedException.Kind.CONFLICT);
        }
        events.publishEvent(new LicenseStatusChanged(stored.identifier(), stored.status(), to, clean, actor, now));
        publications.statusChanged();
        return Views.summary(store.find(stored.id()).orElseThrow(), types.find(stored.type()).orElseThrow(), today());
    }

    private StoredLicense ofMyDepartment(UUID official, String identifier, String purpose) {
        var department = departmentOf(official);
        var stored = department == null ? null : store.find(identifier == null ? "" : identifier.strip())
                .filter(s -> s.issuerDepartment().equals(department)).orElse(null);
        if (stored == null) {
            audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_ACCESS_DENIED, official.toString(),
                    identifier == null ? "" : identifier, Map.of("purpose", purpose, "reason", "NOT_FOUND")));
            throw new LicenseNotFoundException();
        }
        return stored;
    }

    private void refused(String actor, @Nullable String identifier, LicenseStatus to, String reason) {
        audit.recordNow(LicenseEvent.denied(LicenseAudit.LICENCE_STATUS_REFUSED, actor, identifier == null ? "" : identifier,
                Map.of("to", to.name(), "reason", reason)));
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
