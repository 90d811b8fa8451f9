package org.tongban.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.internal.AccountStore;

/**
 * Enterprises as other modules see them: the ones an account may act for now (active grants within their validity
 * period), and one of them by its credit code. A handler gets the one of the request with {@link CurrentEnterprise}.
 */
@Service
public class Enterprises {

    private final AccountStore accounts;

    Enterprises(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The enterprises this account may act for now, by name. */
    @Transactional(readOnly = true)
    public List<EnterpriseView> actingFor(UUID account) {
        return accounts.enterprisesOf(account);
    }

    /** The enterprise of this code, if this account may act for it now; else empty (not told apart from unknown). */
    @Transactional(readOnly = true)
    public Optional<EnterpriseView> actingFor(UUID account, String creditCode) {
        return accounts.enterprisesOf(account).stream()
                .filter(e -> e.creditCode().equals(creditCode))
                .findFirst();
    }

    /** The accounts that may act for the enterprise of this code now (to send them its messages); empty if unknown. */
    @Transactional(readOnly = true)
    public List<UUID> accountsActingFor(String creditCode) {
        return accounts.accountsActingFor(creditCode);
    }
}
