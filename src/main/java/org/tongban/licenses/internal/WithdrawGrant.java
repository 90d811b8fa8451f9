package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseNotFoundException;

/** The holder withdraws a use authorisation (撤回授权); every read checks, so it ends at once. */
@Service
class WithdrawGrant {

    private final LicenseStore licenses;
    private final GrantStore grants;
    private final Holders holders;
    private final GrantViews views;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WithdrawGrant(
            LicenseStore licenses,
            GrantStore grants,
            Holders holders,
            GrantViews views,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.licenses = licenses;
        this.grants = grants;
        this.holders = holders;
        this.views = views;
        this.audit = audit;
        this.events = events;
    }

    /** See {@link LicenseGrants#withdraw}. */
    @Transactional
    GrantView withdraw(UUID holder, UUID grantId) {
        var g = grants.lock(grantId).orElse(null);
        var stored = g == null
                ? null
                : licenses.find(g.licenseId())
                        .filter(l -> holders.holds(holder, l.holderIdx()))
                        .orElse(null);
        if (g == null || stored == null) {
            audit.recordNow(AuditRecord.denied(
                    LicenseAudit.LICENCE_ACCESS_DENIED,
                    holder.toString(),
                    grantId.toString(),
                    Map.of("purpose", "WITHDRAW_GRANT", "reason", "NOT_FOUND")));
            throw new LicenseNotFoundException();
        }
        var now = clock.instant();
        if (grants.withdraw(grantId, now)) {
            events.publishEvent(AuditRecord.success(
                    LicenseAudit.LICENCE_GRANT_WITHDRAWN,
                    holder.toString(),
                    stored.identifier(),
                    Map.of("grant", grantId.toString(), "grantee", g.granteeKind() + ":" + g.grantee())));
        }
        return views.view(grants.find(grantId).orElseThrow(), stored, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
