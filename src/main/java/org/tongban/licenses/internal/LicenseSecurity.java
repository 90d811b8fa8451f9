package org.tongban.licenses.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.tongban.licenses.LicensePermission;
import org.tongban.shared.SecurityRules;

/**
 * The licenses module's permissions and rules. Verification is public: anyone checks a license shown to them, and
 * the types, a license's status, the trust list, root key and status list are published for offline verifiers. The
 * wallet and the department's register live in the channels, checked per method.
 */
@Component
class LicenseSecurity implements SecurityRules {

    @Override
    public Collection<LicensePermission> permissions() {
        return List.of(LicensePermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/verify", "/verify/**", "/.well-known/tongban/**")
                .permitAll()
                .requestMatchers("/console/licenses", "/console/licenses/**")
                .hasAuthority(LicensePermission.TYPES_READ.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/licenses/types",
                        "/api/v1/licenses/trust-list",
                        "/api/v1/licenses/trust-list/root.pem",
                        "/api/v1/licenses/status-list",
                        "/api/v1/licenses/*/status")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/licenses/verify")
                .permitAll();
    }

    /** Verification changes nothing and is called by verifier apps that have no session. */
    @Override
    public List<RequestMatcher> apiWithoutCsrf() {
        return List.of(request ->
                request.getMethod().equals("POST") && request.getRequestURI().equals("/api/v1/licenses/verify"));
    }
}
