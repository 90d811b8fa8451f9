package org.tongban.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.internal.FamilyActing;
import org.tongban.identity.internal.FamilyStore;

/**
 * Relatives acting for family (亲友代办, ADR 0043) as other modules see it: whether one person may act for another in
 * a scope now, the people someone acts for, and who acts in the current request. Only active, accepted grants
 * before their end count; they are read again on every call.
 */
@Service
public class Family {

    /** 办理事项: file and follow cases as the family member. */
    public static final String CASES = "CASES";
    /** 出示证照: see and show the family member's licences. */
    public static final String LICENCES = "LICENCES";
    /** 查看记录: see the family member's records and cases. */
    public static final String RECORDS = "RECORDS";
    /** 健康码: the family member's health code. */
    public static final String HEALTH_CODE = "HEALTH_CODE";

    public static final List<String> SCOPES = List.of(CASES, LICENCES, RECORDS, HEALTH_CODE);

    /** The API header naming the family grant a request acts under (its id); pages use the session's choice. */
    public static final String HEADER = "X-On-Behalf-Of";

    private final FamilyStore store;

    Family(FamilyStore store) {
        this.store = store;
    }

    /** Whether the actor may act for the principal in this scope now. */
    @Transactional(readOnly = true)
    public boolean mayActFor(UUID actor, UUID principal, String scope) {
        return store.inForce(actor).stream().anyMatch(m -> m.account().equals(principal) && m.covers(scope));
    }

    /** The people the actor may act for in this scope now (for example the health codes of one's relatives). */
    @Transactional(readOnly = true)
    public List<FamilyMember> actingFor(UUID actor, String scope) {
        return store.inForce(actor).stream().filter(m -> m.covers(scope)).toList();
    }

    /**
     * The relative acting in the current request for this account, if the request acts for it (a case filed by a
     * relative records them); empty outside a request or when the account acts for itself.
     */
    public Optional<UUID> actingRelative(UUID principal) {
        return FamilyActing.current()
                .filter(a -> a.principal().equals(principal))
                .map(FamilyActing.Acting::relative);
    }

    /**
     * Names the case a relative's act in the current request concerned (the case filed), so that the principal's
     * activity page shows it; nothing outside such a request.
     */
    public void actedOn(UUID principal, String caseNumber) {
        if (actingRelative(principal).isPresent()) FamilyActing.concerns(caseNumber);
    }
}
