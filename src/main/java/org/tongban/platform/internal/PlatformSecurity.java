package org.tongban.platform.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.platform.PlatformPermission;
import org.tongban.shared.SecurityRules;

/**
 * The platform's permissions and its pages: settings and the calendar in the console, and the operator's actuator
 * endpoints except health, which load balancers and probes read.
 */
@Component
class PlatformSecurity implements SecurityRules {

    @Override
    public Collection<PlatformPermission> permissions() {
        return List.of(PlatformPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/console/platform/**")
                .hasAuthority(PlatformPermission.SETTINGS_READ.authority())
                .requestMatchers("/console/calendar", "/console/calendar/**")
                .hasAuthority(PlatformPermission.CALENDAR_WRITE.authority())
                .requestMatchers("/actuator/**")
                .hasAuthority(PlatformPermission.SETTINGS_READ.authority());
    }
}
