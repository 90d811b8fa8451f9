package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account created with an initial password ({@link FirstStart}) must replace it before anything else: until it
 * does, its session reaches the account page (with the password form), sign-in and sign-out only; other pages send
 * it to {@code /account?mustChangePassword}, other requests are refused with 403. Runs after Spring Security's
 * chain (a servlet filter of its own), so the session's authentication is known. Once the password was changed the
 * session remembers it and the check costs nothing more.
 */
@Component
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String CHECKED = PasswordChangeRequiredFilter.class.getName() + ".checked";
    private static final List<String> EXACT = List.of("/account", "/account/password", "/logout", "/error");
    private static final List<String> PREFIXES = List.of("/login", "/assets/", "/actuator/", "/webauthn/");

    private final JdbcClient jdbc;

    PasswordChangeRequiredFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var session = request.getSession(false);
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || authentication instanceof JwtAuthenticationToken
                || session == null
                || Boolean.TRUE.equals(session.getAttribute(CHECKED))
                // A staff session that still owes its second factor can do nothing but prove it first.
                || Factors.pending(authentication.getAuthorities())) {
            chain.doFilter(request, response);
            return;
        }
        UUID account;
        try {
            account = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            chain.doFilter(request, response);
            return;
        }
        boolean required = jdbc.sql("select password_change_required from identity.account where id = :id")
                .param("id", account)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!required) {
            session.setAttribute(CHECKED, true);
            chain.doFilter(request, response);
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (open(path)) {
            chain.doFilter(request, response);
        } else if ("GET".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + "/account?mustChangePassword");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    static boolean open(String path) {
        return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith);
    }
}
