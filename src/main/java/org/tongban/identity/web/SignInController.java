package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.internal.PendingRegistration;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.identity.internal.RegistrationConsent;
import org.tongban.identity.internal.SignInCodes;
import org.tongban.shared.FormPage;

/** Sign-in (password, one-time code, passkey) and self-registration pages. */
@Controller
class SignInController {

    private static final String PENDING = "tongban.pendingRegistration";
    private final SignInCodes signInCodes;
    private final Registration registration;

    SignInController(SignInCodes signInCodes, Registration registration) {
        this.signInCodes = signInCodes;
        this.registration = registration;
    }

    @GetMapping("/login")
    String login(@RequestParam(defaultValue = "password") String method, Model model) {
        model.addAttribute("method", "code".equals(method) ? "code" : "password");
        return "identity/login";
    }

    /** Sends a sign-in code; the answer is the same whether or not the identifier names an account. */
    @PostMapping("/login/code/send")
    String sendCode(@RequestParam(defaultValue = "") String identifier, RedirectAttributes redirect) {
        if (!identifier.isBlank()) signInCodes.sendSignInCode(identifier);
        redirect.addFlashAttribute("identifier", identifier.strip());
        redirect.addFlashAttribute("codeSent", true);
        return "redirect:/login?method=code";
    }

    @GetMapping("/register")
    String registerForm(Model model, HttpSession session) {
        // Coming back from the code step keeps what was typed, except the password.
        var pending = session.getAttribute(PENDING) instanceof PendingRegistration p ? p : null;
        model.addAttribute(
                "form",
                pending == null
                        ? new RegistrationForm("", "", "", "", "", "")
                        : new RegistrationForm(pending.idNumber(), pending.name(), pending.phone(), "", "", ""));
        return "identity/register";
    }

    /** Checks every field and sends a code to the phone; the account is created only once the code is entered. */
    @PostMapping("/register")
    @FormPage("registrationRefused")
    String register(
            @ModelAttribute("form") RegistrationForm form,
            Model model,
            HttpSession session,
            HttpServletResponse response) {
        // An ID number or phone that has an account already gets the same answer as a new one.
        var pending = registration.registerWithoutDisclosure(
                new RegisterCitizen(form.idNumber(), form.name(), form.phone(), form.password()),
                new RegistrationConsent(
                        // A form without the field binds null: an empty confirmation, refused unless it matches.
                        java.util.Objects.requireNonNullElse(form.passwordConfirmation(), ""),
                        "yes".equals(form.privacyConsent())));
        session.setAttribute(PENDING, pending);
        return "redirect:/register/code";
    }

    /** The form again with the errors, keeping what was typed (the consent too) except the passwords. */
    private String registrationRefused(@ModelAttribute("form") RegistrationForm form, Model model) {
        model.addAttribute(
                "form",
                new RegistrationForm(form.idNumber(), form.name(), form.phone(), "", "", form.privacyConsent()));
        return "identity/register";
    }

    @GetMapping("/register/code")
    String codeForm(Model model, HttpSession session) {
        if (!(session.getAttribute(PENDING) instanceof PendingRegistration pending)) return "redirect:/register";
        model.addAttribute("maskedPhone", pending.maskedPhone());
        return "identity/register-code";
    }

    /** The code sent to the phone: right, the account is created; wrong, nothing is, and the code can be entered again. */
    @PostMapping("/register/code")
    @FormPage("codeRefused")
    String confirm(
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication) {
        if (!(session.getAttribute(PENDING) instanceof PendingRegistration pending)) return "redirect:/register";
        registration.completeRegistration(pending, code);
        session.removeAttribute(PENDING);
        if (authentication != null) new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?registered";
    }

    /** A wrong code: entered again. Anything else (the ID number or phone taken meanwhile): the form again. */
    private String codeRefused(InvalidInputException e, Model model, HttpSession session) {
        var pending = (PendingRegistration) session.getAttribute(PENDING);
        if (!e.fieldErrors().containsKey("code")) {
            session.removeAttribute(PENDING);
            model.addAttribute(
                    "form", new RegistrationForm(pending.idNumber(), pending.name(), pending.phone(), "", "", "yes"));
            return "identity/register";
        }
        model.addAttribute("maskedPhone", pending.maskedPhone());
        return "identity/register-code";
    }

    /** What the registration form posts; the password is never sent back to the page. */
    record RegistrationForm(
            String idNumber,
            String name,
            String phone,
            String password,
            String passwordConfirmation,
            String privacyConsent) {}
}
