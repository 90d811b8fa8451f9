package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Takes {@code POST /login/code} with {@code identifier} and {@code code}. */
class OneTimeCodeAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

    OneTimeCodeAuthenticationFilter(AuthenticationManager manager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/code"), manager);
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        var identifier = request.getParameter("identifier");
        var code = request.getParameter("code");
        var token = OneTimeCodeAuthenticationToken.unauthenticated(
                identifier == null ? "" : identifier.strip(), code == null ? "" : code.strip());
        token.setDetails(authenticationDetailsSource.buildDetails(request));
        return getAuthenticationManager().authenticate(token);
    }
}
