package org.tongban.appeals.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.appeals.AppealPermission;
import org.tongban.shared.SecurityRules;

/**
 * The appeals module's permissions and rules: the requester's pages and API need {@code appeals:submit}, the
 * department's {@code appeals:handle}; each handler checks again, and the official's department decides which
 * requests are found.
 */
@Component
class AppealSecurity implements SecurityRules {

    @Override
    public Collection<AppealPermission> permissions() {
        return List.of(AppealPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/business/requests", "/business/requests/**", "/citizen/requests", "/citizen/requests/**")
                .hasAuthority(AppealPermission.SUBMIT.authority())
                .requestMatchers("/office/requests", "/office/requests/**")
                .hasAuthority(AppealPermission.HANDLE.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/api/v1/business/requests",
                        "/api/v1/business/requests/**",
                        "/api/v1/citizen/requests",
                        "/api/v1/citizen/requests/**")
                .hasAuthority(AppealPermission.SUBMIT.authority())
                .requestMatchers("/api/v1/office/requests", "/api/v1/office/requests/**")
                .hasAuthority(AppealPermission.HANDLE.authority());
    }
}
