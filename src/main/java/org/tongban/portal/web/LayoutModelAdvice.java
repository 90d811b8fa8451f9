package org.tongban.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.portal.internal.ElderlyMode;
import org.tongban.shared.CurrentAccount;

/** What every page's layout needs: the elderly mode, the signed-in account's permissions, the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final ElderlyMode elderly;

    LayoutModelAdvice(ElderlyMode elderly) {
        this.elderly = elderly;
    }

    @ModelAttribute
    void layout(
            HttpServletRequest request,
            org.springframework.ui.Model model,
            @CurrentAccount(required = false) @Nullable UUID account) {
        model.addAttribute("elderly", elderly.isOn(request, account));
        model.addAttribute("signedIn", account != null);
        model.addAttribute("currentPath", request.getRequestURI());
        var auth = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("can", new Permissions(auth));
    }

    /** Lets templates ask {@code can.has('channel:office')} to show only the links a person may follow. */
    record Permissions(@Nullable Authentication auth) {
        public boolean has(String permission) {
            return auth != null && auth.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
        }
    }
}
