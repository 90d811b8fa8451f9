package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * A license's life after issue (DOMAIN.md 5.3): revocation (撤销), suspension (暂扣) and reinstatement (暂扣发还) by an
 * official of the issuing department, each with a reason; expiry when the validity period ends (a daily sweep, and
 * every read treats a valid license past its last day as expired); the public status by identifier; the department's
 * register of what it issued. Another department's license is not found. Every change is recorded with its reason
 * in the license's history and on the audit trail; refusals too. The changes are the use case {@link ChangeStatus},
 * which the {@link License} aggregate tells what is allowed.
 */
@Service
public class LicenseManagement {

    static final int MAX_PAGE = 100;

    private final LicenseStore store;
    private final LicenseStatusStore statuses;
    private final LicenseTypeStore types;
    private final Officials officials;
    private final LicenseWallet wallet;
    private final ChangeStatus changes;
    private final AuditManagement audit;
    private final Clock clock;

    LicenseManagement(
            LicenseStore store,
            LicenseStatusStore statuses,
            LicenseTypeStore types,
            Officials officials,
            LicenseWallet wallet,
            ChangeStatus changes,
            AuditManagement audit,
            Clock clock) {
        this.clock = clock;
        this.store = store;
        this.statuses = statuses;
        this.types = types;
        this.officials = officials;
        this.wallet = wallet;
        this.changes = changes;
        this.audit = audit;
    }

    /** Revokes a valid or suspended license (撤销/吊销); final. */
    public LicenseSummary revoke(UUID official, String identifier, @Nullable String reason) {
        return changes.change(official, identifier, reason, LicenseStatus.REVOKED);
    }

    /** Suspends a valid license (暂扣). */
    public LicenseSummary suspend(UUID official, String identifier, @Nullable String reason) {
        return changes.change(official, identifier, reason, LicenseStatus.SUSPENDED);
    }

    /** Lifts a suspension (暂扣发还); a license whose period ended meanwhile is refused, it has expired. */
    public LicenseSummary reinstate(UUID official, String identifier, @Nullable String reason) {
        return changes.change(official, identifier, reason, LicenseStatus.VALID);
    }

    /** The status of a license by identifier, for anyone (no holder, no data). */
    @Transactional(readOnly = true)
    public Optional<LicenseStatusView> status(String identifier) {
        var today = today();
        return store.find(identifier == null ? "" : identifier.strip())
                .map(s -> new LicenseStatusView(
                        s.identifier(),
                        s.effectiveStatus(today),
                        s.effectiveStatus(today).code(),
                        s.validTo(),
                        s.statusChangedAt(),
                        s.id()));
    }

    /** What the official's department issued, newest first, a page at a time (keyset on the license id). */
    @Transactional(readOnly = true)
    public WalletPage issuedByMyDepartment(UUID official, @Nullable Long before, int limit) {
        var department = officials.departmentOf(official);
        if (department == null) return new WalletPage(List.of(), null);
        int n = Math.clamp(limit, 1, MAX_PAGE);
        var rows = store.ofIssuer(department, before == null ? Long.MAX_VALUE : before, n + 1);
        var today = today();
        var page = rows.stream()
                .limit(n)
                .map(s -> Views.summary(s, types.find(s.type()).orElseThrow(), today))
                .toList();
        return new WalletPage(page, rows.size() > n ? page.getLast().id() : null);
    }

    /**
     * One license of the official's department in full, with its status history; every read is recorded
     * ({@link LicenseAudit#LICENCE_READ_BY_OFFICIAL}) in this transaction, as it shows the holder's personal data:
     * no entry, no license.
     */
    @Transactional
    public LicenseView license(UUID official, String identifier) {
        var stored = ofMyDepartment(official, identifier, "READ");
        audit.recordWithin(AuditRecord.success(
                LicenseAudit.LICENCE_READ_BY_OFFICIAL,
                official.toString(),
                stored.identifier(),
                Map.of("holder", stored.holderNameMasked())));
        return wallet.view(stored);
    }

    /** The status changes of a license of the official's department: from, to, reason, actor, when. */
    @Transactional(readOnly = true)
    public List<String[]> history(UUID official, String identifier) {
        return statuses.history(ofMyDepartment(official, identifier, "HISTORY").id());
    }

    /**
     * Marks every valid license whose last day has passed as expired (过期失效), with its history; returns how many.
     * Run daily by the module's scheduler; safe to run on several nodes (a second run finds nothing).
     */
    public int expireEnded() {
        return changes.expireEnded();
    }

    private StoredLicense ofMyDepartment(UUID official, String identifier, String purpose) {
        var department = officials.departmentOf(official);
        var stored = department == null
                ? null
                : store.find(identifier == null ? "" : identifier.strip())
                        .filter(s -> s.issuerDepartment().equals(department))
                        .orElse(null);
        if (stored == null) {
            audit.recordNow(AuditRecord.denied(
                    LicenseAudit.LICENCE_ACCESS_DENIED,
                    official.toString(),
                    identifier == null ? "" : identifier,
                    Map.of("purpose", purpose, "reason", "NOT_FOUND")));
            throw new LicenseNotFoundException();
        }
        return stored;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
