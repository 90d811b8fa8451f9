package org.tongban.insight.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.insight.InsightPermission;
import org.tongban.shared.SecurityRules;

/**
 * The province's dashboards need {@code insight:province}, the department's {@code insight:department}; the
 * department's handlers check again that the figures asked for are the caller's own department's.
 */
@Component
class InsightSecurity implements SecurityRules {

    @Override
    public Collection<InsightPermission> permissions() {
        return List.of(InsightPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/console/insight", "/console/insight/**")
                .hasAuthority(InsightPermission.PROVINCE.authority())
                .requestMatchers("/office/insight", "/office/insight/**")
                .hasAuthority(InsightPermission.DEPARTMENT.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/insight/province", "/api/v1/insight/province/**")
                .hasAuthority(InsightPermission.PROVINCE.authority())
                .requestMatchers("/api/v1/insight/department", "/api/v1/insight/department/**")
                .hasAuthority(InsightPermission.DEPARTMENT.authority());
    }
}
