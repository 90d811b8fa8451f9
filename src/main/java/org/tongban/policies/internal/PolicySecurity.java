package org.tongban.policies.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.policies.PolicyPermission;
import org.tongban.shared.SecurityRules;

/**
 * The policies module's permissions and rules: the enterprise's pages and API need {@code policies:read-own}, the
 * policy officer's desk {@code policies:publish}; each handler checks its permission again, and the department of
 * the official decides which policies are found.
 */
@Component
class PolicySecurity implements SecurityRules {

    @Override
    public Collection<PolicyPermission> permissions() {
        return List.of(PolicyPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/business/policies", "/business/policies/**")
                .hasAuthority(PolicyPermission.READ_OWN.authority())
                .requestMatchers("/office/policies", "/office/policies/**")
                .hasAuthority(PolicyPermission.PUBLISH.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/business/policies", "/api/v1/business/policies/**")
                .hasAuthority(PolicyPermission.READ_OWN.authority());
    }
}
