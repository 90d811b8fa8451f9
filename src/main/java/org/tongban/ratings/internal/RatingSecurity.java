package org.tongban.ratings.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.ratings.RatingPermission;
import org.tongban.shared.SecurityRules;

/**
 * The ratings module's permissions and its console pages (statistics, for the manager). Rating and rectifying happen in
 * the channels, checked per method.
 */
@Component
class RatingSecurity implements SecurityRules {

    @Override
    public Collection<RatingPermission> permissions() {
        return List.of(RatingPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/console/ratings", "/console/ratings/**")
                .hasAuthority(RatingPermission.STATISTICS.authority());
    }
}
