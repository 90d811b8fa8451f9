package org.tongban.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;

/** The platform operator's hold on accounts (运): lifting a lock, disabling and enabling an account. */
@Service
public class AccountAdministration {

    private final AccountStore accounts;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;

    AccountAdministration(
            AccountStore accounts,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
    }

    /** Lifts a lock and resets the failure count; for the operator. */
    @Transactional
    public boolean unlock(String identifier, UUID operator) {
        var account = accounts.findByIdentifier(identifier);
        if (account.isEmpty()) return false;
        accounts.resetFailures(account.get().id());
        events.publishEvent(AuditRecord.success(
                IdentityAudit.ACCOUNT_UNLOCKED,
                operator.toString(),
                account.get().id().toString(),
                Map.of()));
        return true;
    }

    /**
     * The operator disables an account (found by ID number, phone or login name): it can no longer sign in by any
     * method, its bearer tokens stop working, and its sessions end at once. Nobody disables their own account.
     * Returns false when no such account exists.
     */
    @Transactional
    public boolean setEnabled(String identifier, boolean enabled, UUID operator) {
        var account = accounts.findByIdentifier(identifier == null ? "" : identifier);
        if (account.isEmpty()) return false;
        var id = account.get().id();
        if (id.equals(operator)) throw InvalidInputException.of("identifier", "identity.accounts.notYourself");
        accounts.setEnabled(id, enabled);
        int ended = enabled ? 0 : AccountSecurity.endSessions(sessions, id, null);
        events.publishEvent(AuditRecord.success(
                enabled ? IdentityAudit.ACCOUNT_ENABLED : IdentityAudit.ACCOUNT_DISABLED,
                operator.toString(),
                id.toString(),
                Map.of("sessionsEnded", Integer.toString(ended))));
        return true;
    }
}
