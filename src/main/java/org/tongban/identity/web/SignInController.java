package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.AccountSecurity;
import org.tongban.identity.IdentityManagement;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.RegisterCitizen;

/** Sign-in (password, one-time code, passkey) and self-registration pages. */
@Controller
class SignInController {

    private final IdentityManagement identity;
    private final AccountSecurity accountSecurity;

    SignInController(IdentityManagement identity, AccountSecurity accountSecurity) {
        this.identity = identity;
        this.accountSecurity = accountSecurity;
    }

    @GetMapping("/login")
    String login(@RequestParam(defaultValue = "password") String method, Model model) {
        model.addAttribute("method", "code".equals(method) ? "code" : "password");
        return "identity/login";
    }

    /** Sends a sign-in code; the answer is the same whether or not the identifier names an account. */
    @PostMapping("/login/code/send")
    String sendCode(@RequestParam(defaultValue = "") String identifier, RedirectAttributes redirect) {
        if (!identifier.isBlank()) identity.sendSignInCode(identifier);
        redirect.addFlashAttribute("identifier", identifier.strip());
        redirect.addFlashAttribute("codeSent", true);
        return "redirect:/login?method=code";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new RegistrationForm("", "", "", ""));
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, HttpServletRequest request,
            HttpServletResponse response, Authentication authentication) {
        try {
            // An ID number or phone that has an account already gets the same answer as a new one.
            accountSecurity.registerWithoutDisclosure(
                    new RegisterCitizen(form.idNumber(), form.name(), form.phone(), form.password()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            // Keep what was typed, except the password.
            model.addAttribute("form", new RegistrationForm(form.idNumber(), form.name(), form.phone(), ""));
            response.setStatus(422);
            return "identity/register";
        }
        if (authentication != null) new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?registered";
    }

    /** What the registration form posts; the password is never sent back to the page. */
    record RegistrationForm(String idNumber, String name, String phone, String password) {}
}
