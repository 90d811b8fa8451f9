package org.tongban.audit.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditPermission;
import org.tongban.shared.SecurityRules;

/** The audit module's permission and its console pages: the auditor's alone. */
@Component
class AuditSecurity implements SecurityRules {

    @Override
    public Collection<AuditPermission> permissions() {
        return List.of(AuditPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/console/audit/**").hasAuthority(AuditPermission.READ.authority());
    }
}
