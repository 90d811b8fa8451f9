package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tongban.identity.EnterpriseView;

/**
 * Keeps an agent (经办人) inside the scope the legal representative granted (ADR 0031): each area of the business
 * channel, on pages and on the API, needs its scope; an agent acting for the current enterprise outside it gets 403
 * and {@code AGENT_OUT_OF_SCOPE} is audited. The grant (status, scope, validity) is read again on every request.
 */
@Component
class AgentScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    /** The areas of the business channel and the scope each needs. */
    static final List<Map.Entry<String, String>> AREAS = List.of(
            Map.entry("/business/apply/", "CASES"),
            Map.entry("/business/cases", "CASES"),
            Map.entry("/api/v1/business/cases", "CASES"),
            Map.entry("/business/licenses", "LICENCES"));

    private final CurrentEnterpriseResolver current;
    private final CurrentAccountResolver accounts;
    private final AgentScope scopes;

    AgentScopeInterceptor(CurrentEnterpriseResolver current, CurrentAccountResolver accounts, AgentScope scopes) {
        this.current = current;
        this.accounts = accounts;
        this.scopes = scopes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/business/**", "/api/v1/business/**");
    }

    static @Nullable String scopeOf(String path) {
        for (var area : AREAS) {
            var prefix = area.getKey();
            if (path.startsWith(prefix)
                    && (prefix.endsWith("/")
                            || path.length() == prefix.length()
                            || path.charAt(prefix.length()) == '/')) {
                return area.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var scope = scopeOf(request.getRequestURI());
        if (scope == null) return true;
        EnterpriseView enterprise;
        java.util.UUID account;
        try {
            account = accounts.account();
            enterprise = current.current(account, request, false);
        } catch (RuntimeException e) {
            // No account, or an enterprise not held: the handler answers that as it always does.
            return true;
        }
        if (enterprise != null)
            scopes.require(account, enterprise, scope, request.getMethod() + " " + request.getRequestURI());
        return true;
    }
}
