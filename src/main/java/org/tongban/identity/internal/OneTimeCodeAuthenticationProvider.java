package org.tongban.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.transaction.support.TransactionTemplate;

/** Checks a one-time sign-in code. A disabled account cannot sign in; a password lock does not bar the code. */
class OneTimeCodeAuthenticationProvider implements AuthenticationProvider {

    private final AccountDetailsService users;
    private final OneTimeCodes codes;
    private final TransactionTemplate tx;

    OneTimeCodeAuthenticationProvider(AccountDetailsService users, OneTimeCodes codes, TransactionTemplate tx) {
        this.users = users;
        this.codes = codes;
        this.tx = tx;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var identifier = authentication.getName();
        var code = String.valueOf(authentication.getCredentials());
        TongbanUser user;
        try {
            user = users.loadUserByUsername(identifier);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            throw new BadCredentialsException("Bad one-time code");
        }
        if (!user.isEnabled()) throw new DisabledException("Account disabled");
        // A lock stops password guessing; it does not bar the owner's phone. Otherwise anyone who knows an ID number
        // could keep its owner out for good with five wrong passwords per lock. A code is a factor the guesser does
        // not have: five guesses per code, one code a minute and ten a day per phone (OneTimeCodes).
        Boolean ok = tx.execute(s -> codes.verify(user.accountId(), OneTimeCodes.Purpose.SIGN_IN, null, code));
        if (!Boolean.TRUE.equals(ok)) throw new BadCredentialsException("Bad one-time code");
        var result = user.signedInWith(
                java.util.List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY)));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OneTimeCodeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
