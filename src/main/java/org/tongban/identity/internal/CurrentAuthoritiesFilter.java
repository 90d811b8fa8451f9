package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.identity.Role;

/**
 * Keeps a signed-in session's permissions current: on every request the account's roles are read from the
 * database, and when they differ from those the session holds, the session's authentication is rebuilt with the
 * current ones, as the factors it proved allow them ({@link Factors}; the factors themselves are kept). An official withdrawn or moved
 * by the department admin loses {@code cases:handle} on their next request, not when the session ends; a disabled
 * or deleted account's session ends. Bearer tokens need no such step: their converter reads the roles each call.
 * It runs inside the API and web chains, just after the session's context is loaded.
 */
@org.springframework.stereotype.Component
class CurrentAuthoritiesFilter extends OncePerRequestFilter {

    /** Every authority a role grants: these follow the database; all others stay as signed in. */
    private final Set<String> roleAuthorities = new HashSet<>();

    private final RolePermissions permissions;
    private final AccountStore accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    CurrentAuthoritiesFilter(AccountStore accounts, RolePermissions permissions) {
        this.accounts = accounts;
        this.permissions = permissions;
        for (var role : Role.values()) {
            roleAuthorities.add(role.authority());
            roleAuthorities.addAll(permissions.of(role));
        }
        // Derived from the roles and the factors proved, so it follows them too.
        roleAuthorities.add(Factors.SECOND_FACTOR_REQUIRED);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = holder.getContext().getAuthentication();
        UUID account = null;
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !(authentication instanceof JwtAuthenticationToken)) {
            try {
                account = UUID.fromString(authentication.getName());
            } catch (IllegalArgumentException e) {
                account = null;
            }
        }
        if (account != null) {
            var current = accounts.currentAccess(account);
            if (current.isEmpty() || !current.get().enabled()) {
                holder.clearContext();
                var session = request.getSession(false);
                if (session != null) session.invalidate();
            } else {
                // What these roles give a session that proved these factors (staff need two: Factors).
                var wanted = new HashSet<org.springframework.security.core.GrantedAuthority>();
                var factors =
                        Factors.factorsOf(Objects.requireNonNull(authentication).getAuthorities());
                Factors.authorities(permissions, current.get().roles(), factors).forEach(a -> {
                    if (roleAuthorities.contains(a.getAuthority())) wanted.add(a);
                });
                var held = new HashSet<String>();
                authentication.getAuthorities().forEach(a -> {
                    if (roleAuthorities.contains(a.getAuthority())) held.add(a.getAuthority());
                });
                var wantedNames = new HashSet<String>();
                wanted.forEach(a -> wantedNames.add(a.getAuthority()));
                if (!held.equals(wantedNames)) {
                    var refreshed = authentication.toBuilder()
                            .authorities(all -> {
                                all.removeIf(a -> roleAuthorities.contains(a.getAuthority()));
                                all.addAll(wanted);
                            })
                            .build();
                    var context = holder.createEmptyContext();
                    context.setAuthentication(refreshed);
                    holder.setContext(context);
                    sessions.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
