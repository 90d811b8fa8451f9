package org.tongban.shared;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A module's own security, which identity assembles into the filter chains (ADR 0019): the permissions the module
 * declares and the URL rules of its pages and of its part of the JSON API. Each module implements it once, as a bean
 * in its {@code internal} package. Rules match in order, first match wins: identity applies every module's rules
 * ({@link #MODULE}) before the channels' catch-alls ({@link #CHANNELS}, such as {@code /console/**}), and denies
 * what none of them names to anyone not signed in, last. Method security ({@code @PreAuthorize}) still checks each
 * operation; a URL rule is the outer fence.
 *
 * <p>In the shared kernel because audit, notifications and platform, which identity depends on, implement it too.
 */
public interface SecurityRules {

    /** A module's rules: specific paths, which must not overlap another module's. */
    int MODULE = 0;
    /** A channel's catch-all for its whole path space, after every module's own rules. */
    int CHANNELS = 100;

    /** Every permission this module declares (its enum's constants). */
    Collection<? extends Permission> permissions();

    /** Rules for the pages (the web chain). */
    default void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {}

    /** Rules for this module's part of the JSON API under {@code /api/**}. */
    default void api(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {}

    /**
     * API requests that need no CSRF token although a session cookie may come with them: they change nothing and are
     * called by clients that have no session (a verifier app). Bearer calls need none anyway.
     */
    default List<RequestMatcher> apiWithoutCsrf() {
        return List.of();
    }

    /** {@link #MODULE} or {@link #CHANNELS}; equal orders apply in the order of the module's name. */
    default int order() {
        return MODULE;
    }
}
