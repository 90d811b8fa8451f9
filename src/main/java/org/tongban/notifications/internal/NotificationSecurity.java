package org.tongban.notifications.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.notifications.NotificationPermission;
import org.tongban.shared.SecurityRules;

/**
 * The message centre's permission. Its pages ({@code /messages}) need a signed-in account and check the permission per
 * method.
 */
@Component
class NotificationSecurity implements SecurityRules {

    @Override
    public Collection<NotificationPermission> permissions() {
        return List.of(NotificationPermission.values());
    }

    @Override
    public void pages(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
                                    org.springframework.security.config.annotation.web.builders.HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    requests) {
        requests.requestMatchers("/console/notifications", "/console/notifications/**")
                .hasAuthority(NotificationPermission.DELIVERIES_MANAGE.authority());
    }
}
