package org.tongban.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.FaceVerification;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.PopulationRegister;

/** Raising an account to trust level 3 with two proofs: the population register and the face check (ADR 0015). */
@Service
public class TrustLevelProof {

    private final AccountStore accounts;
    private final PersonStore persons;
    private final PopulationRegister population;
    private final FaceVerification faces;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    TrustLevelProof(
            AccountStore accounts,
            PersonStore persons,
            PopulationRegister population,
            FaceVerification faces,
            ApplicationEventPublisher events,
            AuditManagement audit) {
        this.accounts = accounts;
        this.persons = persons;
        this.population = population;
        this.faces = faces;
        this.events = events;
        this.audit = audit;
    }

    /** Whether the face check is the development stand-in (the account page then offers its two outcomes). */
    public boolean demoFaceCheck() {
        return faces.demo();
    }

    /**
     * Raises the account to trust level 3 when both proofs hold: the population register confirms name and ID
     * number together, and the face check confirms that the live face captured for this check ({@code faceEvidence},
     * the provider's result token) is that person's. Knowing a name and an ID number is not enough. Returns the level
     * after the check; a failure leaves the level unchanged and is audited with its reason.
     */
    @Transactional
    public int verifyIdentity(UUID accountId, String faceEvidence) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (account.trustLevel() >= 3) return account.trustLevel();
        var id = persons.idNumberOf(account.personId());
        String reason = null;
        if (!population.matches(id, account.name())) reason = "REGISTER_MISMATCH";
        else if (faceEvidence == null
                || faceEvidence.isBlank()
                || !faces.verify(id, account.name(), faceEvidence.strip())) {
            reason = "FACE_MISMATCH";
        }
        if (reason != null) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.TRUST_LEVEL_RAISED,
                    accountId.toString(),
                    accountId.toString(),
                    Map.of("from", Integer.toString(account.trustLevel()), "to", "3", "reason", reason)));
            return account.trustLevel();
        }
        persons.setTrustLevel(account.personId(), 3);
        events.publishEvent(AuditRecord.success(
                IdentityAudit.TRUST_LEVEL_RAISED,
                accountId.toString(),
                accountId.toString(),
                Map.of(
                        "from",
                        Integer.toString(account.trustLevel()),
                        "to",
                        "3",
                        "proof",
                        "POPULATION_REGISTER+FACE")));
        return 3;
    }
}
