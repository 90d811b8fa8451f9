package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after it began (12 hours by default), however active it has been: 等保 level 3
 * asks for automatic logout, and an idle timeout alone never ends a session that is used all day.
 */
@Component
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final IdentityProperties properties;

    AbsoluteSessionTimeoutFilter(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null
                && System.currentTimeMillis() - session.getCreationTime()
                        > properties.absoluteSessionTimeout().toMillis()) {
            session.invalidate();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
