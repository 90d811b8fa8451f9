package org.tongban.exchange.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway's own filter chain (ADR 0032): {@code /exchange/v1/**} takes only a bearer access token of the
 * platform's authorization server (a grant's client-credentials client), never a session or a cookie, and keeps no
 * session. The token's scopes become {@code SCOPE_*} authorities; which grant they name is the gateway's decision.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String PATH = "/exchange/v1/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain exchangeGatewayChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        http.securityMatcher(PATH)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .authorizeHttpRequests(r -> r.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> {
                    List<String> scopes = token.getClaimAsStringList("scope");
                    var authorities = (scopes == null ? List.<String>of() : scopes)
                            .stream()
                                    .map(s -> new SimpleGrantedAuthority("SCOPE_" + s))
                                    .collect(Collectors.toUnmodifiableSet());
                    return new JwtAuthenticationToken(token, authorities, token.getSubject());
                })));
        return http.build();
    }
}
