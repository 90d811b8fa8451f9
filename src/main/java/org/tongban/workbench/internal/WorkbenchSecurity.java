package org.tongban.workbench.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.shared.SecurityRules;
import org.tongban.workbench.WorkbenchPermission;

/** The workbench's permission and rules: the to-do is the officials' own, on the page and on the API. */
@Component
class WorkbenchSecurity implements SecurityRules {

    @Override
    public Collection<WorkbenchPermission> permissions() {
        return List.of(WorkbenchPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/office").hasAuthority(WorkbenchPermission.TODO.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/office/todo").hasAuthority(WorkbenchPermission.TODO.authority());
    }
}
