package org.tongban.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.internal.AccountStore;
import org.tongban.identity.internal.MarketRegistration;
import org.tongban.shared.CreditCode;

/**
 * Enterprises as other modules see them: the ones an account may act for now (active grants within their validity
 * period), and one of them by its credit code. A handler gets the one of the request with {@link CurrentEnterprise}.
 */
@Service
public class Enterprises {

    private final AccountStore accounts;
    private final MarketRegistration registration;
    private final MarketEntityRegister register;
    private final org.tongban.identity.internal.AgentScope scopes;

    Enterprises(
            AccountStore accounts,
            MarketRegistration registration,
            MarketEntityRegister register,
            org.tongban.identity.internal.AgentScope scopes) {
        this.scopes = scopes;
        this.register = register;
        this.accounts = accounts;
        this.registration = registration;
    }

    /**
     * Founds an entity on the approval of its registration, in the caller's transaction: a new credit code valid
     * under GB 32100, the market-entity register's entry, the founder as legal representative, the enterprise bound
     * to the founder's account; {@link EnterpriseRegistered} is published. The same case founds one entity only.
     *
     * @return the new entity's credit code
     * @throws AccountNotFoundException when the founder is unknown
     */
    @Transactional
    public CreditCode register(RegisterEnterprise command) {
        return registration.register(command);
    }

    /** What the market-entity register says of an enterprise this account may act for now; else empty. */
    @Transactional(readOnly = true)
    public Optional<MarketEntityRegister.MarketEntity> registerEntry(UUID account, String creditCode) {
        return actingFor(account, creditCode).flatMap(e -> register.find(CreditCode.trusted(e.creditCode())));
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

    /**
     * Requires that the account's grant covers this area ({@link EnterpriseView#SCOPES}): a legal representative's
     * does; an agent's only within its scope (ADR 0031).
     *
     * @throws AgentOutOfScopeException otherwise (403, {@code AGENT_OUT_OF_SCOPE} audited)
     */
    public void requireScope(UUID account, EnterpriseView enterprise, String scope, String what) {
        scopes.require(account, enterprise, scope, what);
    }
}
