package org.tongban.portal.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.identity.Persons;

/**
 * The elderly-friendly mode (适老化): remembered on the account for a signed-in person, in a cookie for an
 * anonymous visitor. The account's choice wins once signed in, so a grandchild's phone keeps its own setting.
 */
@Component
public class ElderlyMode {

    static final String COOKIE = "tongban_elderly";
    private final Persons identity;

    ElderlyMode(Persons identity) {
        this.identity = identity;
    }

    public boolean isOn(HttpServletRequest request, @Nullable UUID account) {
        if (account != null) {
            var stored = identity.elderlyMode(account);
            if (stored.isPresent()) return stored.get();
        }
        var cookies = request.getCookies();
        return cookies != null
                && Arrays.stream(cookies).anyMatch(c -> COOKIE.equals(c.getName()) && "1".equals(c.getValue()));
    }

    public void set(HttpServletResponse response, @Nullable UUID account, boolean on) {
        if (account != null) identity.setElderlyMode(account, on);
        var cookie = new Cookie(COOKIE, on ? "1" : "0");
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
}
