package org.tongban.healthcode.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.healthcode.HealthCodeAudit;
import org.tongban.healthcode.HealthCodeRefusedException;
import org.tongban.identity.Family;
import org.tongban.identity.FamilyMember;

/**
 * Health codes of one's family (亲友健康码, ADR 0042 addendum): the people the signed-in citizen may act for with the
 * scope 健康码 (identity's family grants, ADR 0043: an elderly parent who authorised them, a minor child they are the
 * guardian of). A member's code is read through the exchange like one's own, the reader and the purpose in the call
 * log, so the member sees on {@code /citizen/data} that a relative looked. A grant that is not the reader's, has
 * ended, was revoked or lacks 健康码 is not found, audited; it is read again on every request.
 */
@Service
public class FamilyCodes {

    private final Family family;
    private final HealthCodeService codes;
    private final AuditManagement audit;

    FamilyCodes(Family family, HealthCodeService codes, AuditManagement audit) {
        this.family = family;
        this.codes = codes;
        this.audit = audit;
    }

    /** The family members whose code the citizen may see now. */
    public List<FamilyMember> members(UUID me) {
        return family.actingFor(me, Family.HEALTH_CODE);
    }

    /** The member of this grant, if the citizen may see their code now; else not found (audited). */
    public FamilyMember member(UUID me, UUID grant) {
        return members(me).stream()
                .filter(m -> m.grant().equals(grant))
                .findFirst()
                .orElseThrow(() -> {
                    audit.recordNow(AuditRecord.denied(
                            HealthCodeAudit.HEALTHCODE_REFUSED,
                            me.toString(),
                            grant.toString(),
                            Map.of("reason", "NOT_FAMILY")));
                    return HealthCodeRefusedException.notFound();
                });
    }

    /**
     * The member's code now, read for the relative (the purpose names the relative); the member as {@link #member}
     * found them, so that the grant is read once per request.
     */
    public HealthCodeService.Person code(UUID me, FamilyMember member, String purpose) {
        return codes.person(member.account(), me, purpose + "（" + codes.self(me).getOrDefault("name", "") + "）");
    }

    /** Whether the citizen may still act for this member's health code (for a card they printed for them). */
    boolean mayShow(UUID me, UUID member) {
        return family.mayActFor(me, member, Family.HEALTH_CODE);
    }
}
