package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.identity.Enterprises;
import org.tongban.identity.internal.CurrentEnterpriseResolver;
import org.tongban.shared.CurrentAccount;

/**
 * Every page of the enterprise channel shows the enterprise it acts for, and offers the others to switch to (the
 * layout's enterprise bar): {@code currentEnterprise} and {@code myEnterprises} in the model of {@code /business}
 * pages.
 */
@ControllerAdvice(annotations = Controller.class)
class EnterpriseModelAdvice {

    private final CurrentEnterpriseResolver current;
    private final Enterprises enterprises;

    EnterpriseModelAdvice(CurrentEnterpriseResolver current, Enterprises enterprises) {
        this.current = current;
        this.enterprises = enterprises;
    }

    @ModelAttribute
    void enterprise(HttpServletRequest request, Model model, @CurrentAccount(required = false) @Nullable UUID account) {
        var path = request.getRequestURI();
        if (account == null || !(path.equals("/business") || path.startsWith("/business/"))) return;
        var chosen = current.current(account, request);
        if (chosen == null) return;
        model.addAttribute("currentEnterprise", chosen);
        model.addAttribute("myEnterprises", enterprises.actingFor(account));
    }
}
