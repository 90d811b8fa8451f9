package org.tongban.identity;

import java.util.Set;

/**
 * What an account may do. Each role grants permissions named {@code <module>:<operation>}; pages and API methods
 * check permissions, never role names, so that duties can be re-cut without touching controllers.
 * Separation of duties (管运分离, 三员): the government manager changes content such as catalogue and themes but not
 * platform settings or other roles' accounts; the operator changes platform settings and unlocks accounts but not
 * content; the auditor reads the audit trail and nothing else.
 */
public enum Role {
    CITIZEN(Set.of("identity:read-own", "identity:update-own", "notifications:read-own", "channel:citizen",
            "licenses:read-own", "licenses:show", "licenses:grant")),
    ENTERPRISE_USER(Set.of("identity:read-own", "identity:update-own", "notifications:read-own", "channel:business",
            "licenses:read-own", "licenses:show", "licenses:grant")),
    OFFICIAL(Set.of("identity:read-own", "identity:update-own", "notifications:read-own", "channel:office",
            "identity:person-read", "cases:handle", "ratings:rectify", "licenses:issue", "licenses:status",
            "licenses:read-granted")),
    DEPARTMENT_ADMIN(Set.of("identity:read-own", "identity:update-own", "notifications:read-own", "channel:office",
            "identity:person-read", "identity:department-manage", "cases:handle", "cases:supervise", "ratings:rectify",
            "licenses:issue", "licenses:status", "licenses:read-granted")),
    GOVERNMENT_MANAGER(Set.of("identity:read-own", "identity:update-own", "notifications:read-own", "channel:console",
            "portal:themes-write", "portal:themes-read", "catalog:items-write", "platform:calendar-write",
            "workflow:models-write", "ratings:statistics", "licenses:types-read", "licenses:types-write",
            "licenses:keys-approve")),
    PLATFORM_OPERATOR(Set.of("identity:read-own", "identity:update-own", "notifications:read-own", "channel:console",
            "platform:settings-write", "platform:settings-read", "identity:accounts-unlock", "licenses:keys",
            "licenses:keys-approve")),
    AUDITOR(Set.of("identity:read-own", "notifications:read-own", "channel:console", "audit:read"));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /** The Spring Security authority that names the role itself. */
    public String authority() {
        return "ROLE_" + name();
    }
}
