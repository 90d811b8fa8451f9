package org.tongban.exchange.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.exchange.internal.Gateway;

/**
 * The exchange gateway: {@code GET /exchange/v1/{resource}/{subject}?fields=a,b} with a grant's bearer token.
 * Refusals are RFC 9457 problems (403 forbidden, 404 not found) that tell nothing about the subject.
 */
@RestController
class GatewayController {

    private final Gateway gateway;

    GatewayController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/exchange/v1/{resource}/{subject}")
    Map<String, Object> call(
            @PathVariable String resource,
            @PathVariable String subject,
            @RequestParam(required = false) @Nullable String fields,
            JwtAuthenticationToken token) {
        List<String> scopes = token.getToken().getClaimAsStringList("scope");
        var answer = gateway.call(
                token.getToken().getSubject(),
                new HashSet<>(scopes == null ? List.of() : scopes),
                resource,
                subject,
                fields);
        return Map.of(
                "resource", answer.resource(),
                "subject", answer.subject(),
                "fields", answer.fields(),
                "callId", answer.callId());
    }
}
