package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.internal.PasswordReset;
import org.tongban.shared.FormPage;

/**
 * 忘记密码 (ADR 0037): the name typed, then the code from the SMS with the new password twice. The pages say the
 * same whether or not the name has an account; the name waits in the session between the two steps.
 */
@Controller
class PasswordResetController {

    private static final String PENDING = "tongban.passwordReset";
    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping("/password-reset")
    String start(Model model, HttpSession session) {
        if (!model.containsAttribute("identifier"))
            model.addAttribute("identifier", session.getAttribute(PENDING) instanceof String s ? s : "");
        return "identity/reset";
    }

    @PostMapping("/password-reset")
    @FormPage("requestRefused")
    String request(
            @RequestParam(defaultValue = "") String identifier, HttpServletRequest request, HttpSession session) {
        var typed = identifier.strip();
        if (typed.isEmpty() || typed.length() > 64)
            throw InvalidInputException.of("identifier", "validation.reset.identifier");
        reset.request(typed, request.getRemoteAddr());
        session.setAttribute(PENDING, typed);
        return "redirect:/password-reset/code";
    }

    private String requestRefused(@RequestParam(defaultValue = "") String identifier, Model model) {
        model.addAttribute("identifier", identifier.strip());
        return "identity/reset";
    }

    @GetMapping("/password-reset/code")
    String codeForm(HttpSession session) {
        return session.getAttribute(PENDING) instanceof String ? "identity/reset-code" : "redirect:/password-reset";
    }

    @PostMapping("/password-reset/code")
    @FormPage("resetRefused")
    String confirm(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirmation,
            HttpSession session) {
        if (!(session.getAttribute(PENDING) instanceof String identifier)) return "redirect:/password-reset";
        reset.reset(identifier, code, password, passwordConfirmation);
        session.removeAttribute(PENDING);
        return "redirect:/login?passwordReset";
    }

    private String resetRefused() {
        return "identity/reset-code";
    }
}
