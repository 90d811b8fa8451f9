package org.tongban.catalog.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.catalog.CatalogPermission;
import org.tongban.shared.SecurityRules;

/**
 * The catalogue's permission and rules: the catalogue is public information, read without signing in on the pages and
 * by apps on the API; the manager maintains it in the console.
 */
@Component
class CatalogSecurity implements SecurityRules {

    @Override
    public Collection<CatalogPermission> permissions() {
        return List.of(CatalogPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/services", "/services/**")
                .permitAll()
                .requestMatchers("/console/catalog/**")
                .hasAuthority(CatalogPermission.ITEMS_WRITE.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll();
    }
}
