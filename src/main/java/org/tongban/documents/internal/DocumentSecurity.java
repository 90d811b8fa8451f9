package org.tongban.documents.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.documents.DocumentPermission;
import org.tongban.shared.SecurityRules;

/**
 * The documents module's permissions and rules: its pages and API are the officials'; each operation checks its
 * permission per method, and the department of the official decides what is found.
 */
@Component
class DocumentSecurity implements SecurityRules {

    @Override
    public Collection<DocumentPermission> permissions() {
        return List.of(DocumentPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/office/documents", "/office/documents/**")
                .hasAuthority(DocumentPermission.READ.authority());
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/documents/short-names", "/api/v1/documents/short-names/**")
                .hasAuthority(DocumentPermission.SHORT_NAMES.authority())
                .requestMatchers("/api/v1/office/documents", "/api/v1/office/documents/**")
                .hasAuthority(DocumentPermission.READ.authority());
    }
}
