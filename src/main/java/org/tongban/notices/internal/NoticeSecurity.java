package org.tongban.notices.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.notices.NoticePermission;
import org.tongban.shared.SecurityRules;

/**
 * The notices module's permissions and rules: its pages and API need {@code notices:read}; sending, calling,
 * receipts, reminders and cancelling check {@code notices:send} on the handler; every object is checked against the
 * caller again (sender, organiser, recipient or invitee).
 */
@Component
class NoticeSecurity implements SecurityRules {

    @Override
    public Collection<NoticePermission> permissions() {
        return List.of(NoticePermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/office/notices", "/office/notices/**", "/office/meetings", "/office/meetings/**")
                .hasAuthority(NoticePermission.READ.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/api/v1/office/notices",
                        "/api/v1/office/notices/**",
                        "/api/v1/office/meetings",
                        "/api/v1/office/meetings/**")
                .hasAuthority(NoticePermission.READ.authority());
    }
}
