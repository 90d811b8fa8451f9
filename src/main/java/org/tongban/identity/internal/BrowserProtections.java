package org.tongban.identity.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * What every response tells the browser: a content security policy (scripts, styles and frames from this origin
 * only; no plugins; no framing), no referrer to other sites (license identifiers stand in paths), no camera,
 * microphone or location, and the CSRF cookie. Over HTTPS the cookie is {@code __Host-XSRF-TOKEN}: secure, for the
 * whole origin and no sub-domain, so a sibling site cannot plant a token.
 */
final class BrowserProtections {

    /**
     * Scripts and style sheets come from /assets and /webjars; style attributes stay allowed for the colour bars that
     * license types draw ({@code th:style}). QR codes are inline SVG; uploaded pictures are previewed as data and blob URLs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " + "interest-cohort=()";
    static final String SECURE_COOKIE = "__Host-XSRF-TOKEN";

    private BrowserProtections() {}

    static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
    }

    /**
     * CSRF tokens in a cookie rather than the session: an anonymous visitor reading the portal then creates no
     * session row in the database, which matters when millions open the portal at once. {@code secure} follows
     * {@code server.servlet.session.cookie.secure}: over plain HTTP (development) a browser refuses secure cookies.
     */
    static CookieCsrfTokenRepository csrfTokens(boolean secure) {
        var repository = new CookieCsrfTokenRepository();
        repository.setHeaderName("X-CSRF-TOKEN");
        if (secure) repository.setCookieName(SECURE_COOKIE);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secure));
        return repository;
    }
}
