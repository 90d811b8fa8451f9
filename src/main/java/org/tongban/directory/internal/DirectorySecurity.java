package org.tongban.directory.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.directory.DirectoryPermission;
import org.tongban.shared.SecurityRules;

/** The directory is for officials: its pages and API need {@code directory:view}; each handler checks again. */
@Component
class DirectorySecurity implements SecurityRules {

    @Override
    public Collection<DirectoryPermission> permissions() {
        return List.of(DirectoryPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/office/directory", "/office/directory/**")
                .hasAuthority(DirectoryPermission.VIEW.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/office/directory", "/api/v1/office/directory/**")
                .hasAuthority(DirectoryPermission.VIEW.authority());
    }
}
