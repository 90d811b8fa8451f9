package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;

/**
 * A license's status changes after issue: an official of the issuing department revokes, suspends or reinstates it
 * with a reason, and the daily sweep expires those whose period has ended. The {@link License} decides whether the
 * change is allowed; refusals are recorded on the audit trail at once ({@link LicenseAudit#LICENCE_STATUS_REFUSED}),
 * since their transaction rolls back. Every change republishes the status list.
 */
@Service
class ChangeStatus {

    static final int REASON_MAX = 500;

    private final LicenseRegister register;
    private final LicenseStatusStore store;
    private final Officials officials;
    private final Publications publications;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeStatus(
            LicenseRegister register,
            LicenseStatusStore store,
            Officials officials,
            Publications publications,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.register = register;
        this.store = store;
        this.officials = officials;
        this.publications = publications;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Moves a license of the official's department to {@code to} (REVOKED, SUSPENDED or VALID), with the official's
     * reason. See {@link LicenseManagement#revoke}, {@link LicenseManagement#suspend} and
     * {@link LicenseManagement#reinstate}.
     */
    @Transactional
    LicenseSummary change(UUID official, @Nullable String identifier, @Nullable String reason, LicenseStatus to) {
        var actor = official.toString();
        var clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > REASON_MAX) {
            refused(actor, identifier, to, clean.isEmpty() ? "NO_REASON" : "REASON_TOO_LONG");
            throw new InvalidLicenseException(
                    Map.of("reason", clean.isEmpty() ? "licenses.error.required" : "licenses.error.tooLong"));
        }
        var department = officials.departmentOf(official);
        var license = department == null
                ? null
                : register.lock(identifier == null ? "" : identifier.strip())
                        .filter(l -> l.issuedBy(department))
                        .orElse(null);
        if (license == null) {
            refused(actor, identifier, to, "NOT_FOUND");
            throw new LicenseNotFoundException();
        }
        var now = clock.instant();
        var refusal = license.refusal(to, LocalDate.ofInstant(now, clock.getZone()));
        if (refusal.isPresent()) {
            refused(actor, license.identifier(), to, refusal.get().auditReason());
            throw refusal.get().exception();
        }
        if (!register.apply(license.changeTo(to, clean, actor, now))) {
            var current = license.status(LocalDate.ofInstant(now, clock.getZone()));
            throw new LicenseRefusedException(
                    "licenses.error.transition." + current.name(), LicenseRefusedException.Kind.CONFLICT);
        }
        publications.statusChanged();
        return register.summary(license.id(), LocalDate.now(clock));
    }

    /**
     * Marks every valid license whose last day has passed as expired, in one statement: the sweep must not read
     * millions of rows into memory, so it applies {@link License#expire}'s rule in SQL. See
     * {@link LicenseManagement#expireEnded}.
     */
    @Transactional
    int expireEnded() {
        var now = Instant.now();
        int n = store.expire(LocalDate.ofInstant(now, clock.getZone()), now);
        if (n > 0) {
            events.publishEvent(AuditRecord.success(
                    LicenseAudit.LICENCES_EXPIRED,
                    License.SYSTEM,
                    LocalDate.ofInstant(now, clock.getZone()).toString(),
                    Map.of("count", Integer.toString(n))));
            publications.statusChanged();
        }
        return n;
    }

    private void refused(String actor, @Nullable String identifier, LicenseStatus to, String reason) {
        audit.recordNow(AuditRecord.denied(
                LicenseAudit.LICENCE_STATUS_REFUSED,
                actor,
                identifier == null ? "" : identifier,
                Map.of("to", to.name(), "reason", reason)));
    }
}
