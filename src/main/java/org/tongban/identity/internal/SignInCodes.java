package org.tongban.identity.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.IdentityAudit;

/** Sign-in codes to the account's phone: signing in by code, and the second factor of a staff sign-in. */
@Service
public class SignInCodes {

    private static final Logger log = LoggerFactory.getLogger(SignInCodes.class);

    private final AccountStore accounts;
    private final PersonStore persons;
    private final OneTimeCodes codes;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    SignInCodes(
            AccountStore accounts,
            PersonStore persons,
            OneTimeCodes codes,
            ApplicationEventPublisher events,
            AuditManagement audit) {
        this.accounts = accounts;
        this.persons = persons;
        this.codes = codes;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Sends a sign-in code to the phone of the account named by the identifier. Says nothing about whether the
     * account exists: an unknown identifier does the same visible thing and sends nothing, and counts against the
     * same limit per identifier typed. A phone that has had its codes (one a minute, ten a day) gets none, silently:
     * the code sent before stays valid.
     *
     * @throws org.tongban.platform.TooManyRequestsException when this identifier has had its codes (429)
     */
    @Transactional
    public void sendSignInCode(String identifier) {
        codes.countRequestFor(identifier);
        var account = accounts.findByIdentifier(identifier);
        if (account.isEmpty() || !account.get().enabled()) {
            log.debug("Sign-in code requested for an unknown identifier");
            return;
        }
        var id = account.get().id();
        var phone = persons.phoneOf(account.get().personId());
        if (phone.isEmpty()) return;
        if (!codes.send(
                id,
                OneTimeCodes.Purpose.SIGN_IN,
                null,
                phone.get(),
                "notifications.signInCode",
                OneTimeCodes.WhenLimited.SEND_NOTHING)) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.ONE_TIME_CODE_REFUSED,
                    null,
                    id.toString(),
                    Map.of("purpose", "SIGN_IN", "to", phone.get().masked(), "reason", "RATE_LIMITED")));
            return;
        }
        events.publishEvent(AuditRecord.success(
                IdentityAudit.ONE_TIME_CODE_SENT,
                null,
                id.toString(),
                Map.of("purpose", "SIGN_IN", "to", phone.get().masked())));
    }
}
