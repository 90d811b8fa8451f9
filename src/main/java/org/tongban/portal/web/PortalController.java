package org.tongban.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.Persons;
import org.tongban.notifications.NotificationManagement;
import org.tongban.platform.PlatformManagement;
import org.tongban.portal.ThemeManagement;
import org.tongban.portal.internal.ElderlyMode;
import org.tongban.shared.CurrentAccount;

/** The public portal and the home pages of the citizen and business channels and the console. */
@Controller
class PortalController {

    private final ThemeManagement themes;
    private final Persons identity;
    private final NotificationManagement notifications;
    private final PlatformManagement platform;
    private final ElderlyMode elderly;

    PortalController(
            ThemeManagement themes,
            Persons identity,
            NotificationManagement notifications,
            PlatformManagement platform,
            ElderlyMode elderly) {
        this.themes = themes;
        this.identity = identity;
        this.notifications = notifications;
        this.platform = platform;
        this.elderly = elderly;
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("themes", themes.themes(false));
        model.addAttribute("notice", platform.setting("portal.notice").orElse(""));
        model.addAttribute("hotline", platform.setting("support.hotline").orElse("12345"));
        return "portal/index";
    }

    @GetMapping("/citizen")
    String citizen(@CurrentAccount UUID me, Model model) {
        return channel("portal/citizen", me, model);
    }

    @GetMapping("/business")
    String business(@CurrentAccount UUID me, Model model) {
        return channel("portal/business", me, model);
    }

    // /office, the office channel's home with the unified to-do, is the workbench module's (ADR 0040).

    @GetMapping("/console")
    String console(@CurrentAccount UUID me, Model model) {
        return channel("portal/console", me, model);
    }

    // Any method: a refused POST is forwarded here as a POST.
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "portal/denied";
    }

    /** The elderly toggle on every page: stored on the account when signed in, in a cookie always. */
    @PostMapping("/preferences/elderly")
    String toggleElderly(
            @RequestParam boolean on,
            @CurrentAccount(required = false) @Nullable UUID account,
            HttpServletRequest request,
            HttpServletResponse response) {
        elderly.set(response, account, on);
        return "redirect:" + backTo(request);
    }

    private String channel(String view, UUID id, Model model) {
        model.addAttribute("profile", identity.profile(id));
        model.addAttribute("unread", notifications.unreadCount(id));
        model.addAttribute("themes", themes.themes(false));
        return view;
    }

    /** Back to the page the toggle was on, but only to a path on this site. */
    private static String backTo(HttpServletRequest request) {
        var referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) return "/";
        try {
            var uri = java.net.URI.create(referer);
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) return "/";
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
