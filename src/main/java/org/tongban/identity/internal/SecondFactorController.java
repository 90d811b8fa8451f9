package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.shared.CurrentAccount;

/**
 * The step-up page (二次认证): a staff session that proved one factor is sent here when it reaches a staff page,
 * proves a second one (the code sent to the account's phone after a password, the password after a code, or a
 * passkey) and continues to where it was going. The proof goes through the same authentication manager as sign-in,
 * so it is counted, locked and audited like any sign-in; the session id changes once it succeeds.
 */
@Controller
class SecondFactorController {

    static final String PATH = "/login/second-factor";
    private final AuthenticationManager authenticationManager;
    private final AccountDetailsService users;
    private final AccountStore accounts;
    private final PersonStore persons;
    private final SignInCodes signInCodes;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();

    SecondFactorController(
            AuthenticationManager authenticationManager,
            AccountDetailsService users,
            AccountStore accounts,
            PersonStore persons,
            SignInCodes signInCodes) {
        this.authenticationManager = authenticationManager;
        this.users = users;
        this.accounts = accounts;
        this.persons = persons;
        this.signInCodes = signInCodes;
    }

    @GetMapping(PATH)
    String page(Authentication me, @CurrentAccount UUID id, Model model) {
        if (!Factors.pending(me.getAuthorities())) return "redirect:/home";
        var account = accounts.findById(id).orElseThrow();
        model.addAttribute("maskedPhone", persons.person(account.personId()).maskedPhone());
        model.addAttribute("needs", needsPassword(me) ? "password" : "code");
        return "identity/second-factor";
    }

    @PostMapping(PATH + "/send")
    String send(Authentication me, RedirectAttributes redirect) {
        if (Factors.pending(me.getAuthorities()) && !needsPassword(me)) signInCodes.sendSignInCode(me.getName());
        redirect.addFlashAttribute("codeSent", true);
        return "redirect:" + PATH;
    }

    @PostMapping(PATH)
    void verify(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String password,
            Authentication me,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!Factors.pending(me.getAuthorities())) {
            response.sendRedirect(request.getContextPath() + "/home");
            return;
        }
        Authentication proof;
        try {
            proof = authenticationManager.authenticate(
                    needsPassword(me)
                            ? UsernamePasswordAuthenticationToken.unauthenticated(me.getName(), password)
                            : OneTimeCodeAuthenticationToken.unauthenticated(me.getName(), code.strip()));
        } catch (AuthenticationException e) {
            response.sendRedirect(request.getContextPath() + PATH + "?error");
            return;
        }
        var factors = new ArrayList<>(Factors.factorsOf(me.getAuthorities()));
        Factors.factorsOf(proof.getAuthorities()).stream()
                .filter(f -> !Factors.has(factors, f.getAuthority()))
                .forEach(factors::add);
        var merged = users.loadUserByUsername(me.getName()).signedInWith(factors);
        merged.setDetails(proof.getDetails());
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(merged);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        var saved = requests.getRequest(request, response);
        response.sendRedirect(saved == null ? request.getContextPath() + "/home" : saved.getRedirectUrl());
    }

    /** A session that signed in by code proves the password next; one that signed in by password, a code. */
    private static boolean needsPassword(Authentication me) {
        return Factors.has(me.getAuthorities(), FactorGrantedAuthority.OTT_AUTHORITY)
                && !Factors.has(me.getAuthorities(), FactorGrantedAuthority.PASSWORD_AUTHORITY);
    }
}
