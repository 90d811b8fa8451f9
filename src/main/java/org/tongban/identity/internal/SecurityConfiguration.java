package org.tongban.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditManagement;
import org.tongban.shared.SecurityRules;

/**
 * Who may call what. Three chains: the OAuth2 authorization server's endpoints; the JSON API, which takes a
 * bearer token (mobile apps) or the web session (pages calling it); and the web pages, with sign-in by password,
 * one-time code or passkey. Each module names its own paths and the permissions they need ({@link SecurityRules},
 * ADR 0019); this class applies them in order, the channels' catch-alls after the modules' own rules, and requires
 * a signed-in account for every path no module named.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The modules' rules in the order they apply: by {@link SecurityRules#order()}, then by class name. */
    static List<SecurityRules> inOrder(List<SecurityRules> modules) {
        return modules.stream()
                .sorted(Comparator.comparingInt(SecurityRules::order)
                        .thenComparing(m -> m.getClass().getName()))
                .toList();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, AuditedAccessDeniedHandler deniedHandler)
            throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults()))
                // Tokens carry the account's permissions (read afresh on each call): a staff session that has proved
                // one factor is sent to the step-up page before the authorization endpoint issues it any token.
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((authentication, context) ->
                                new org.springframework.security.authorization.AuthorizationDecision(
                                        authentication.get() != null
                                                && authentication.get().isAuthenticated()
                                                && !(authentication.get()
                                                        instanceof
                                                        org.springframework.security.authentication
                                                                .AnonymousAuthenticationToken)
                                                && !Factors.pending(
                                                        authentication.get().getAuthorities()))))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .exceptionHandling(e -> e.accessDeniedHandler(deniedHandler)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ApiSecurityHandlers handlers,
            AccountJwtAuthenticationConverter jwtConverter,
            CurrentAuthoritiesFilter currentAuthorities,
            List<SecurityRules> modules,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        BrowserProtections.headers(http);
        RequestMatcher bearer = request -> {
            var header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        // A session's roles follow the database on every request (withdrawn officials lose access at once).
        http.addFilterAfter(currentAuthorities, SecurityContextHolderFilter.class);
        var withoutCsrf = new ArrayList<RequestMatcher>(List.of(bearer));
        inOrder(modules).forEach(m -> withoutCsrf.addAll(m.apiWithoutCsrf()));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> {
                    inOrder(modules).forEach(m -> m.api(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                // Bearer calls carry no cookie, so they cannot be forged cross-site; session calls need the token,
                // except the few a module names (SecurityRules.apiWithoutCsrf).
                .csrf(csrf -> csrf.csrfTokenRepository(BrowserProtections.csrfTokens(secureCookies))
                        .ignoringRequestMatchers(withoutCsrf.toArray(RequestMatcher[]::new)))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityProperties properties,
            AbsoluteSessionTimeoutFilter absoluteTimeout,
            AuditedAccessDeniedHandler deniedHandler,
            CurrentAuthoritiesFilter currentAuthorities,
            PasskeySignIn passkeySignIn,
            List<SecurityRules> modules,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        BrowserProtections.headers(http);
        var codeFilter = new OneTimeCodeAuthenticationFilter(authenticationManager);
        codeFilter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        codeFilter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        codeFilter.setAuthenticationSuccessHandler(
                (request, response, authentication) -> response.sendRedirect(request.getContextPath() + "/home"));
        codeFilter.setAuthenticationFailureHandler(failureHandler("/login?method=code"));

        // A session's roles follow the database on every request (withdrawn officials lose access at once).
        http.addFilterAfter(currentAuthorities, SecurityContextHolderFilter.class);
        http.authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.csrfTokenRepository(BrowserProtections.csrfTokens(secureCookies)))
                .authorizeHttpRequests(requests -> {
                    inOrder(modules).forEach(m -> m.pages(requests));
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("identifier")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/home")
                        .failureHandler(failureHandler("/login")))
                .addFilterBefore(codeFilter, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(absoluteTimeout, SecurityContextHolderFilter.class)
                .webAuthn(webAuthn -> webAuthn.rpName(properties.passkeys().rpName())
                        .rpId(properties.passkeys().rpId())
                        .allowedOrigins(new HashSet<>(properties.passkeys().allowedOrigins()))
                        .disableDefaultRegistrationPage(true)
                        .creationOptionsRepository(new SessionCreationOptionsRepository())
                        // Passkey sign-in checks the account, counts and audits like the others, and changes the
                        // session id (Spring's passkey filter keeps the pre-login session id otherwise).
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(passkeySignIn);
                                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .exceptionHandling(e -> e.accessDeniedHandler(deniedHandler));
        return http.build();
    }

    /**
     * Every failure, a wrong password as much as a locked or disabled account, gets the same answer: only existing
     * accounts can be locked, so a page saying "locked" would tell a stranger that the account exists.
     */
    private static SimpleUrlAuthenticationFailureHandler failureHandler(String page) {
        var sep = page.contains("?") ? "&" : "?";
        return new SimpleUrlAuthenticationFailureHandler(page + sep + "error");
    }

    /**
     * Argon2id for new passwords (an adaptive, memory-hard hash); BCrypt remains readable for migrated accounts.
     * Only a few hashes are computed at once (a flood must not eat every core).
     */
    @Bean
    PasswordEncoder passwordEncoder(SignInLimitProperties limits) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("argon2", argon2());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new BoundedPasswordEncoder(
                new DelegatingPasswordEncoder("argon2", encoders),
                limits.concurrentPasswordChecks(),
                limits.passwordCheckWait());
    }

    /**
     * Argon2id at OWASP's minimum (19 MiB of memory, 2 passes, 1 lane; Spring's defaults use 16 MiB). Hashes made
     * with other parameters keep verifying: each hash names its own.
     */
    static Argon2PasswordEncoder argon2() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    AuthenticationManager authenticationManager(
            AccountDetailsService users,
            PasswordEncoder passwordEncoder,
            OneTimeCodes codes,
            TransactionTemplate tx,
            AuthenticationEventPublisher events) {
        var passwords = new DaoAuthenticationProvider(users) {
            @Override
            protected Authentication createSuccessAuthentication(
                    Object principal, Authentication authentication, UserDetails user) {
                // The signed-in principal is Spring's own User named by the account id: it carries no password
                // hash into the session row, and the OAuth2 authorization store knows how to serialise it.
                var signedIn = ((TongbanUser) user).signedIn();
                super.createSuccessAuthentication(signedIn, authentication, signedIn); // upgrades an old hash
                var result = ((TongbanUser) user)
                        .signedInWith(List.of(
                                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
                result.setDetails(authentication.getDetails());
                return result;
            }
        };
        passwords.setPasswordEncoder(passwordEncoder);
        var manager = new ProviderManager(passwords, new OneTimeCodeAuthenticationProvider(users, codes, tx));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * The passkey relying party. User verification (the phone's face or fingerprint check, or its PIN) is required on
     * registration and on every assertion: a passkey is then two factors in one, possession and inherence.
     */
    @Bean
    WebAuthnRelyingPartyOperations passkeyOperations(
            PublicKeyCredentialUserEntityRepository passkeyUsers,
            UserCredentialRepository passkeyCredentials,
            IdentityProperties properties) {
        var operations = new Webauthn4JRelyingPartyOperations(
                passkeyUsers,
                passkeyCredentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(properties.passkeys().rpId())
                        .name(properties.passkeys().rpName())
                        .build(),
                new HashSet<>(properties.passkeys().allowedOrigins()));
        operations.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        operations.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        return new UserVerifyingRelyingParty(operations);
    }

    @Bean
    PasskeySignIn passkeySignIn(
            WebAuthnRelyingPartyOperations passkeyOperations,
            AccountDetailsService users,
            AccountStore accounts,
            UserCredentialRepository passkeyCredentials,
            PublicKeyCredentialUserEntityRepository passkeyUsers,
            AuthenticationEventPublisher events) {
        return new PasskeySignIn(passkeyOperations, users, accounts, passkeyCredentials, passkeyUsers, events);
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(
            JdbcOperations jdbc, AuditManagement audit, PublicKeyCredentialUserEntityRepository passkeyUsers) {
        return new AuditedUserCredentialRepository(new JdbcUserCredentialRepository(jdbc), audit, passkeyUsers);
    }
}
