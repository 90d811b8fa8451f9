package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.identity.DepartmentView;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * The register as the use cases see it: {@link License}s loaded from {@link LicenseStore}, their status changes
 * saved with their history and announced, new licenses signed, inserted and announced. Not transactional itself: it
 * joins the use case's transaction, so that a refusal rolls the whole use case back and a use case may decide to
 * roll back without an exception (issuing for a case does).
 */
@Component
class LicenseRegister {

    private final LicenseStore store;
    private final LicenseStatusStore statuses;
    private final LicenseTypeStore types;
    private final Issuer issuer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LicenseRegister(
            LicenseStore store,
            LicenseStatusStore statuses,
            LicenseTypeStore types,
            Issuer issuer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.store = store;
        this.statuses = statuses;
        this.types = types;
        this.issuer = issuer;
        this.events = events;
    }

    /** A license locked for a change of its status. */
    Optional<License> lock(String identifier) {
        return store.lock(identifier).map(row -> new License(row, clock.getZone()));
    }

    /**
     * Saves a status change the license agreed to, with its history row, and announces it
     * ({@code LicenseStatusChanged}); false, and nothing saved, when another change came first.
     */
    boolean apply(License.StatusChange change) {
        if (!statuses.changeStatus(
                change.licenseId(), change.from(), change.to(), change.reason(), change.actor(), change.at())) {
            return false;
        }
        events.publishEvent(change.event());
        return true;
    }

    /**
     * The holder's valid or suspended license of a type (of an exclusive type there is at most one). A valid one
     * whose period has ended is marked expired first, so that it no longer stands in the way.
     */
    Optional<License> activeNow(String type, String holderId, Instant now) {
        var today = LocalDate.ofInstant(now, clock.getZone());
        for (var row : store.active(type, issuer.holderIndex(holderId))) {
            var license = new License(row, clock.getZone());
            if (license.status(today) == LicenseStatus.EXPIRED) {
                apply(license.expire(now));
                continue;
            }
            return Optional.of(license);
        }
        return Optional.empty();
    }

    /**
     * Signs and inserts one license and announces it ({@code LicenseIssued}) if it went in; not inserted when a
     * unique rule stopped it (the holder got one meanwhile, or the case or request key issued one already).
     */
    Issuer.Outcome place(Issuer.Placement placement, String actor, Instant now) {
        var outcome = issuer.issue(List.of(placement), actor, now).getFirst();
        if (outcome.inserted()) events.publishEvent(License.issued(outcome.row(), actor, now));
        return outcome;
    }

    /** Places a new license; null when a unique rule stopped it. */
    LicenseStore.@Nullable NewLicense placeNew(
            Drafts.Draft draft, DepartmentView department, @Nullable String caseNumber, String actor, Instant now) {
        var outcome = place(License.first(draft, department, caseNumber, null, null), actor, now);
        return outcome.inserted() ? outcome.row() : null;
    }

    /**
     * Cancels the current license and issues its next version in the same transaction (换发).
     *
     * @throws LicenseRefusedException the license is no longer valid, or its next version could not go in (409)
     */
    LicenseStore.NewLicense replace(
            License previous,
            Drafts.Draft draft,
            DepartmentView department,
            @Nullable String caseNumber,
            @Nullable String requestKey,
            String actor,
            Instant now) {
        if (!apply(previous.supersede(actor, now))) {
            throw new LicenseRefusedException("licenses.error.notValid", LicenseRefusedException.Kind.CONFLICT);
        }
        var outcome = place(previous.nextVersion(draft, department, caseNumber, requestKey), actor, now);
        if (!outcome.inserted())
            throw new LicenseRefusedException("licenses.error.alreadyHolds", LicenseRefusedException.Kind.CONFLICT);
        return outcome.row();
    }

    /** The signed document of a license, decrypted and read. */
    LicenseDocument document(License license) {
        var row = license.row();
        return LicenseDocument.parse(issuer.content(row.identifier(), row.content()));
    }

    /** A license as a list shows it, as it reads on a day. */
    LicenseSummary summary(StoredLicense row, LocalDate today) {
        return Views.summary(row, types.find(row.type()).orElseThrow(), today);
    }

    /** A license as a list shows it, read again after a change. */
    LicenseSummary summary(long id, LocalDate today) {
        return summary(store.find(id).orElseThrow(), today);
    }
}
