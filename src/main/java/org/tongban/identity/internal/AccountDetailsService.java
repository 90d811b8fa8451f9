package org.tongban.identity.internal;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.tongban.shared.Masking;

/** Loads the principal for whatever identifier the person typed (ID number, phone, login name or account id). */
@Component
public class AccountDetailsService implements UserDetailsService {

    private final AccountStore accounts;
    private final RolePermissions permissions;

    AccountDetailsService(AccountStore accounts, RolePermissions permissions) {
        this.accounts = accounts;
        this.permissions = permissions;
    }

    @Override
    public TongbanUser loadUserByUsername(String identifier) {
        var row = accounts.findByIdentifier(identifier)
                // Spring turns this into "bad credentials": the page never tells whether an account exists.
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new TongbanUser(
                row.id(),
                Masking.name(row.name()),
                row.passwordHash(),
                accounts.rolesOf(row.id()),
                row.enabled(),
                row.lockedUntil(),
                permissions);
    }
}
