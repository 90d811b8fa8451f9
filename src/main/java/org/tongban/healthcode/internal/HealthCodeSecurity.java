package org.tongban.healthcode.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.tongban.healthcode.HealthCodePermission;
import org.tongban.shared.SecurityRules;

/**
 * The health code's permissions and rules: the citizen's pages and API need {@code healthcode:own}, the window's
 * {@code healthcode:counter} (and the health department, checked by the handler), the venues' {@code
 * healthcode:venues}; verification is public, like the licences'.
 */
@Component
class HealthCodeSecurity implements SecurityRules {

    static final String VERIFY = "/api/v1/healthcode/verify";

    @Override
    public Collection<HealthCodePermission> permissions() {
        return List.of(HealthCodePermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/citizen/healthcode", "/citizen/healthcode/**", "/healthcode/venues/**")
                .hasAuthority(HealthCodePermission.OWN.authority())
                .requestMatchers("/office/healthcode/cards", "/office/healthcode/cards/**")
                .hasAuthority(HealthCodePermission.COUNTER.authority())
                .requestMatchers("/office/healthcode/venues", "/office/healthcode/venues/**")
                .hasAuthority(HealthCodePermission.VENUES.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, VERIFY)
                .permitAll()
                .requestMatchers("/api/v1/citizen/healthcode", "/api/v1/citizen/healthcode/**")
                .hasAuthority(HealthCodePermission.OWN.authority());
    }

    /** Verification changes nothing and is called by gates that have no session. */
    @Override
    public List<RequestMatcher> apiWithoutCsrf() {
        return List.of(request ->
                request.getMethod().equals("POST") && request.getRequestURI().equals(VERIFY));
    }
}
