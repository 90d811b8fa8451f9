package org.tongban.portal.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.portal.PortalPermission;
import org.tongban.shared.SecurityRules;

/**
 * The portal's permissions and rules: the public pages, assets, error pages and API documentation; the manager's
 * themes; and each channel's catch-all, which is why these rules come after every module's own
 * ({@link SecurityRules#CHANNELS}): {@code /console/catalog/**} is the catalogue's, {@code /console/**} the rest.
 */
@Component
class PortalSecurity implements SecurityRules {

    @Override
    public Collection<PortalPermission> permissions() {
        return List.of(PortalPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/",
                        "/denied",
                        // Reached only by the forward of Confirmations, after the action's own rules; else 404.
                        "/confirm",
                        "/error",
                        "/preferences/**",
                        "/assets/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/api-docs.html",
                        "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/citizen/**")
                .hasAuthority(PortalPermission.CITIZEN_CHANNEL.authority())
                .requestMatchers("/business/**")
                .hasAuthority(PortalPermission.BUSINESS_CHANNEL.authority())
                .requestMatchers("/office/**")
                .hasAuthority(PortalPermission.OFFICE_CHANNEL.authority())
                .requestMatchers("/console/themes/**")
                .hasAuthority(PortalPermission.THEMES_READ.authority())
                .requestMatchers("/console", "/console/**")
                .hasAuthority(PortalPermission.CONSOLE_CHANNEL.authority());
    }

    @Override
    public int order() {
        return CHANNELS;
    }
}
