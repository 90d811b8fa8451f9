package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Confirms the password on the account page, to make the session fresh for adding a passkey ({@link RecentSignIn}).
 * The check goes through the sign-in authentication manager: counted, locked and audited like a sign-in.
 */
@Controller
class ReauthenticationController {

    private final AuthenticationManager authenticationManager;
    private final AccountDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ReauthenticationController(AuthenticationManager authenticationManager, AccountDetailsService users) {
        this.authenticationManager = authenticationManager;
        this.users = users;
    }

    @PostMapping("/account/reauthenticate")
    String reauthenticate(
            @RequestParam(defaultValue = "") String password,
            Authentication me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(me.getName(), password));
        } catch (AuthenticationException e) {
            redirect.addFlashAttribute("notice", "identity.reauth.failed");
            return "redirect:/account";
        }
        var factors = new ArrayList<FactorGrantedAuthority>();
        Factors.factorsOf(me.getAuthorities()).stream()
                .filter(f -> !f.getAuthority().equals(FactorGrantedAuthority.PASSWORD_AUTHORITY))
                .forEach(factors::add);
        factors.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        var renewed = users.loadUserByUsername(me.getName()).signedInWith(factors);
        renewed.setDetails(me.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "identity.reauth.done");
        return "redirect:/account";
    }
}
