package org.tongban.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;
import org.tongban.shared.Permission;
import org.tongban.shared.SecurityRules;

/**
 * What each role may do, assembled once from the two places a grant is written (ADR 0019): {@link Role#grants()}
 * and the roles on the permissions that each module lists in its {@link SecurityRules}. Immutable, and serializable
 * because the account a sign-in loads ({@link TongbanUser}) carries it.
 */
@Component
public final class RolePermissions implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<Role, Set<String>> byRole = new EnumMap<>(Role.class);
    private final Set<String> granted = new HashSet<>();

    RolePermissions(List<SecurityRules> modules) {
        var declared = modules.stream()
                .<Permission>flatMap(m -> m.permissions().stream())
                .toList();
        for (var role : Role.values()) {
            var permissions = new HashSet<String>();
            role.grants().forEach(p -> permissions.add(p.authority()));
            for (var p : declared) {
                if (p instanceof GrantedPermission g && g.roles().contains(role)) permissions.add(p.authority());
            }
            byRole.put(role, Set.copyOf(permissions));
            granted.addAll(permissions);
        }
    }

    /** From these declared permissions (for tests of the parts that use it); the roles' own grants are added. */
    static RolePermissions of(Collection<? extends Permission> declared) {
        return new RolePermissions(List.of(() -> declared));
    }

    /** The permissions the role holds. */
    public Set<String> of(Role role) {
        return byRole.getOrDefault(role, Set.of());
    }

    /** Every permission some role holds. */
    public Set<String> granted() {
        return Set.copyOf(granted);
    }

    /** The authorities of an account with these roles: each role's own and its permissions. */
    Set<GrantedAuthority> authoritiesOf(Set<Role> roles) {
        var authorities = new LinkedHashSet<GrantedAuthority>();
        for (var role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
            of(role).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        }
        return authorities;
    }
}
