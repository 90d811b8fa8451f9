package org.tongban.exchange.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.exchange.ExchangePermission;
import org.tongban.shared.SecurityRules;

/**
 * The exchange's permissions and rules for pages and the JSON API. The gateway {@code /exchange/v1/**} is not here:
 * it has a filter chain of its own that takes the grant's credential and never a session ({@link GatewaySecurity}).
 */
@Component
class ExchangeSecurity implements SecurityRules {

    @Override
    public Collection<ExchangePermission> permissions() {
        return List.of(ExchangePermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/office/exchange", "/office/exchange/**")
                .hasAuthority(ExchangePermission.MANAGE.authority())
                .requestMatchers("/citizen/data", "/citizen/data/**")
                .hasAuthority(ExchangePermission.OWN_DATA.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/exchange/my-data", "/api/v1/exchange/my-data/**")
                .hasAuthority(ExchangePermission.OWN_DATA.authority())
                .requestMatchers("/api/v1/exchange/**")
                .hasAuthority(ExchangePermission.MANAGE.authority());
    }
}
