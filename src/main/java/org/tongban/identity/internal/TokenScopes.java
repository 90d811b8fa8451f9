package org.tongban.identity.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a bearer token may do: the permissions its scopes allow, intersected with the account's current roles. No
 * scope of the public mobile client reaches the office or the console, so a token of a manager, operator, auditor
 * or official taken by a phone app acts only as a citizen or an enterprise user: their duties need a two-factor web
 * session (or a client of their own, registered for that purpose).
 */
final class TokenScopes {

    /** The audience every access token for Tongban's own API carries; tokens issued for other apps lack it. */
    static final String API_AUDIENCE = "tongban-api";

    static final String CITIZEN = "citizen";
    static final String BUSINESS = "business";

    private static final Set<String> OWN = Set.of("identity:read-own");
    private static final Set<String> SELF_SERVICE = Set.of(
            "identity:read-own",
            "identity:update-own",
            "notifications:read-own",
            "licenses:read-own",
            "licenses:show",
            "licenses:grant");

    private static final Map<String, Set<String>> PERMISSIONS = Map.of(
            "openid",
            OWN,
            "profile",
            OWN,
            CITIZEN,
            union(SELF_SERVICE, Set.of("channel:citizen")),
            BUSINESS,
            union(SELF_SERVICE, Set.of("channel:business")));

    private TokenScopes() {}

    /** The permissions that tokens with these scopes may use; unknown scopes allow nothing. */
    static Set<String> permissionsOf(Collection<String> scopes) {
        var allowed = new HashSet<String>();
        for (var scope : scopes) allowed.addAll(PERMISSIONS.getOrDefault(scope, Set.of()));
        return allowed;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
