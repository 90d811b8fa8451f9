package org.tongban.licenses.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.identity.DepartmentView;
import org.tongban.licenses.LicenseIssued;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.LicenseStatusChanged;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;
import org.tongban.shared.LicenseIdentifier;

/**
 * A license in the register and the rules of its life (DOMAIN.md 5.3), so that no use case checks a status itself:
 *
 * <pre>
 *   issued (version 1, or the next version of a license it supersedes) ─► VALID
 *   VALID ──suspend──► SUSPENDED ──reinstate──► VALID     (not once the validity period has ended)
 *   VALID or SUSPENDED ──revoke──► REVOKED               (final)
 *   VALID ──supersede──► CANCELLED, its next version issued  (final)
 *   VALID past its last day ──expire──► EXPIRED          (final)
 * </pre>
 *
 * <p>A status is read as it is on the day: a valid license past its last day is expired before the daily sweep marks
 * it. A wrong transition is refused here, with {@link LicenseRefusedException} (409) and the message key that pages
 * and the API show; {@link #refusal} says the same beforehand, so that a use case can put the refusal on the audit
 * trail (in a transaction of its own) before it throws. A plain class over the stored row: {@link LicenseRegister}
 * loads it and applies its {@link StatusChange}s as conditional updates, so a concurrent change is refused rather
 * than overwritten. Signing and the one-active-license-per-holder rule are the register's, not one license's.
 */
final class License {

    static final String REASON_REISSUED = "licenses.reason.reissued";
    static final String REASON_EXPIRED = "licenses.reason.expired";
    /** Who expires licenses: the platform, not a person. */
    static final String SYSTEM = "system";

    private final StoredLicense row;
    /** The platform's zone (tongban.time-zone), which says on which day an instant falls. */
    private final ZoneId zone;

    License(StoredLicense row, ZoneId zone) {
        this.zone = zone;
        this.row = row;
    }

    /**
     * A status change this license agreed to; the register applies it.
     *
     * @param from the status stored before (a lapsed license's is {@code VALID})
     * @param reason a message key of the platform's ({@code licenses.reason.*}) or the official's own words
     */
    record StatusChange(
            long licenseId,
            String identifier,
            LicenseStatus from,
            LicenseStatus to,
            String reason,
            String actor,
            Instant at) {

        LicenseStatusChanged event() {
            return new LicenseStatusChanged(identifier, from, to, reason, actor, at);
        }
    }

    /**
     * Why a transition is refused: a code for the audit trail and the message key for the caller.
     *
     * @param auditReason {@code FROM_<status>}, {@code ENDED} or {@code NOT_VALID}
     */
    record Refusal(String auditReason, String messageKey) {

        LicenseRefusedException exception() {
            return new LicenseRefusedException(messageKey, LicenseRefusedException.Kind.CONFLICT);
        }
    }

    /** Where a new license goes: version 1, with a serial of its own drawn when it is signed. */
    static Issuer.Placement first(
            Drafts.Draft draft,
            DepartmentView department,
            @Nullable String caseNumber,
            @Nullable UUID batchId,
            @Nullable String requestKey) {
        return new Issuer.Placement(draft, department, null, caseNumber, batchId, requestKey);
    }

    /** The announcement of a license just issued, with the holder masked. */
    static LicenseIssued issued(LicenseStore.NewLicense row, String actor, Instant at) {
        return new LicenseIssued(
                row.identifier(),
                row.type(),
                row.issuerDepartment(),
                row.holderNameMasked(),
                row.previous(),
                row.caseNumber(),
                actor,
                at);
    }

    /** The calendar day of an instant, by which validity is read. */
    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    StoredLicense row() {
        return row;
    }

    long id() {
        return row.id();
    }

    String identifier() {
        return row.identifier();
    }

    String type() {
        return row.type();
    }

    /** The status as it reads on a day: a valid license past its last day is expired. */
    LicenseStatus status(LocalDate today) {
        return row.effectiveStatus(today);
    }

    boolean issuedBy(String department) {
        return row.issuerDepartment().equals(department);
    }

    /**
     * Why the license may not go to a status on a day, or empty when it may: suspend only a valid one, reinstate only
     * a suspended one whose period has not ended, revoke a valid or suspended one, supersede ({@code CANCELLED}) only
     * a valid one, expire only a valid one past its last day.
     */
    Optional<Refusal> refusal(LicenseStatus to, LocalDate today) {
        var current = status(today);
        boolean allowed = switch (to) {
            case SUSPENDED, CANCELLED -> current == LicenseStatus.VALID;
            case VALID -> current == LicenseStatus.SUSPENDED;
            case REVOKED -> current == LicenseStatus.VALID || current == LicenseStatus.SUSPENDED;
            case EXPIRED -> current == LicenseStatus.EXPIRED && row.status() == LicenseStatus.VALID;
        };
        if (!allowed && to == LicenseStatus.CANCELLED) {
            return Optional.of(new Refusal("NOT_VALID", "licenses.error.notValid"));
        }
        if (!allowed) {
            return Optional.of(new Refusal("FROM_" + current.name(), "licenses.error.transition." + current.name()));
        }
        if (to == LicenseStatus.VALID && row.validTo() != null && row.validTo().isBefore(today)) {
            return Optional.of(new Refusal("ENDED", "licenses.error.ended"));
        }
        return Optional.empty();
    }

    /** Suspends a valid license (暂扣). */
    StatusChange suspend(String reason, String actor, Instant at) {
        return changeTo(LicenseStatus.SUSPENDED, reason, actor, at);
    }

    /** Lifts a suspension (暂扣发还). */
    StatusChange reinstate(String reason, String actor, Instant at) {
        return changeTo(LicenseStatus.VALID, reason, actor, at);
    }

    /** Revokes a valid or suspended license (撤销/吊销). */
    StatusChange revoke(String reason, String actor, Instant at) {
        return changeTo(LicenseStatus.REVOKED, reason, actor, at);
    }

    /** Cancels a valid license because its next version replaces it (换发); issue {@link #nextVersion} with it. */
    StatusChange supersede(String actor, Instant at) {
        return changeTo(LicenseStatus.CANCELLED, REASON_REISSUED, actor, at);
    }

    /** Marks a valid license past its last day as expired (过期失效). */
    StatusChange expire(Instant at) {
        return changeTo(LicenseStatus.EXPIRED, REASON_EXPIRED, SYSTEM, at);
    }

    /**
     * Any of the transitions above by its target status.
     *
     * @throws LicenseRefusedException the license may not go there now (see {@link #refusal})
     */
    StatusChange changeTo(LicenseStatus to, String reason, String actor, Instant at) {
        var refusal = refusal(to, day(at));
        if (refusal.isPresent()) throw refusal.get().exception();
        return new StatusChange(row.id(), row.identifier(), row.status(), to, reason, actor, at);
    }

    /** Where this license's next version goes: its identifier keeps the serial and takes version + 1. */
    Issuer.Placement nextVersion(
            Drafts.Draft draft, DepartmentView department, @Nullable String caseNumber, @Nullable String requestKey) {
        var previous = LicenseIdentifier.parse(row.identifier());
        return new Issuer.Placement(draft, department, previous, caseNumber, null, requestKey);
    }
}
