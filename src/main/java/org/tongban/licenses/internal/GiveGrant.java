package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditRecord;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.GrantStore.StoredGrant;

/** The holder authorises a department, or whoever handles a service item, to read one of their licenses (用证授权). */
@Service
class GiveGrant {

    /** The longest purpose a holder may write. */
    static final int PURPOSE_MAX = 100;

    private final HeldLicenses held;
    private final GrantStore grants;
    private final GrantViews views;
    private final Departments identity;
    private final CatalogManagement catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GiveGrant(
            HeldLicenses held,
            GrantStore grants,
            GrantViews views,
            Departments identity,
            CatalogManagement catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.held = held;
        this.grants = grants;
        this.views = views;
        this.identity = identity;
        this.catalog = catalog;
        this.events = events;
    }

    /** See {@link LicenseGrants#grant}. */
    @Transactional
    GrantView grant(UUID holder, String identifier, GrantLicense command, @Nullable String requestKey) {
        var stored = held.own(holder, identifier, "GRANT");
        var today = today();
        var key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
        if (key != null && key.length() > 100)
            throw new InvalidLicenseException(Map.of("requestKey", "licenses.error.tooLong"));
        if (key != null) {
            var earlier = grants.byRequest(holder, key).filter(g -> g.licenseId() == stored.id());
            if (earlier.isPresent()) return views.view(earlier.get(), stored, today);
        }
        var errors = new LinkedHashMap<String, String>();
        var kind = GranteeKind.parse(command.granteeKind());
        var grantee = command.grantee() == null ? "" : command.grantee().strip();
        if (kind == null) {
            errors.put("granteeKind", "licenses.grants.error.granteeKind");
        } else if (grantee.isEmpty()) {
            errors.put("grantee", "licenses.error.required");
        } else if (kind == GranteeKind.DEPARTMENT
                && identity.department(grantee).isEmpty()) {
            errors.put("grantee", "licenses.grants.error.unknownDepartment");
        } else if (kind == GranteeKind.ITEM && catalog.guide(grantee).isEmpty()) {
            errors.put("grantee", "licenses.grants.error.unknownItem");
        }
        var purpose = command.purpose() == null ? "" : command.purpose().strip();
        if (purpose.isEmpty()) errors.put("purpose", "licenses.error.required");
        else if (purpose.length() > PURPOSE_MAX) errors.put("purpose", "licenses.grants.error.purposeTooLong");
        var until = command.validUntil();
        if (until == null) errors.put("validUntil", "licenses.error.required");
        else if (!until.isAfter(today)) errors.put("validUntil", "licenses.grants.error.untilPast");
        else if (until.isAfter(today.plusYears(1))) errors.put("validUntil", "licenses.grants.error.untilTooFar");
        if (kind == null || !errors.isEmpty()) {
            views.refused(holder, stored.identifier(), "INVALID", Map.of("fields", String.join(",", errors.keySet())));
            throw new InvalidLicenseException(errors);
        }
        if (stored.effectiveStatus(today) != LicenseStatus.VALID) {
            views.refused(
                    holder,
                    stored.identifier(),
                    "LICENCE_" + stored.effectiveStatus(today).name(),
                    Map.of());
            throw new LicenseRefusedException(
                    "licenses.grants.error.licenseNotValid", LicenseRefusedException.Kind.CONFLICT);
        }
        // One grant in force per license and grantee (issue 11, finding 8): said on the grantee's field. The index
        // of V72 holds it against a concurrent request too (the insert below then does nothing).
        var now = clock.instant();
        grants.lapse(stored.id(), kind, grantee, today, now);
        if (grants.inForce(stored.id(), kind, grantee, today).isPresent())
            throw duplicate(holder, stored, kind, grantee);
        var g = new StoredGrant(
                UUID.randomUUID(),
                stored.id(),
                holder,
                kind,
                grantee,
                purpose,
                null,
                Objects.requireNonNull(until, "no error: the end was given"),
                now,
                null);
        if (!grants.insert(g, key)) {
            // A concurrent request with the same key won: answer with its grant. Else a concurrent grant to the same
            // grantee did: this one is a duplicate.
            var earlier = key == null ? Optional.<StoredGrant>empty() : grants.byRequest(holder, key);
            if (earlier.isPresent()) return views.view(earlier.get(), stored, today);
            throw duplicate(holder, stored, kind, grantee);
        }
        events.publishEvent(AuditRecord.success(
                LicenseAudit.LICENCE_GRANTED,
                holder.toString(),
                stored.identifier(),
                Map.of(
                        "grant",
                        g.id().toString(),
                        "grantee",
                        kind + ":" + grantee,
                        "until",
                        g.validUntil().toString())));
        return views.view(g, stored, today);
    }

    /** The refusal of a second grant in force to the same grantee, recorded; the form shows it on the grantee. */
    private InvalidLicenseException duplicate(
            UUID holder, LicenseStore.StoredLicense stored, GranteeKind kind, String grantee) {
        views.refused(holder, stored.identifier(), "DUPLICATE", Map.of("grantee", kind + ":" + grantee));
        return new InvalidLicenseException(Map.of("grantee", "licenses.grants.error.duplicate"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
