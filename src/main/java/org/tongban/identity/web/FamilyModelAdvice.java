package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.identity.internal.FamilyActing;
import org.tongban.identity.internal.FamilyStore;
import org.tongban.shared.CurrentAccount;

/**
 * Every citizen page says whom the relative acts for now ("正在为 母亲 王秀英 办理", ADR 0043): {@code actingFor} in the
 * model of {@code /citizen} pages while the session acts under a family grant still in force; one that ended is
 * forgotten.
 */
@ControllerAdvice(annotations = Controller.class)
class FamilyModelAdvice {

    private final FamilyStore store;

    FamilyModelAdvice(FamilyStore store) {
        this.store = store;
    }

    @ModelAttribute
    void actingFor(HttpServletRequest request, Model model, @CurrentAccount(required = false) @Nullable UUID account) {
        var path = request.getRequestURI();
        if (account == null || !(path.equals("/citizen") || path.startsWith("/citizen/"))) return;
        var session = request.getSession(false);
        var held = session == null ? null : session.getAttribute(FamilyActing.SESSION_KEY);
        if (held == null) return;
        var member = store.inForce(account).stream()
                .filter(m -> m.grant().toString().equals(held))
                .findFirst();
        if (member.isPresent()) model.addAttribute("actingFor", member.get());
        else session.removeAttribute(FamilyActing.SESSION_KEY);
    }
}
