package org.tongban.licenses;

import java.util.Set;
import org.tongban.identity.GrantedPermission;
import org.tongban.identity.Role;

/**
 * What the licenses module lets an account do. Each constant names the roles that hold it (ADR 0019).
 */
public enum LicensePermission implements GrantedPermission {

    /** Read one's own and one's enterprises' licenses. */
    READ_OWN("licenses:read-own", Role.CITIZEN, Role.ENTERPRISE_USER),
    /** Show a license (亮证): make a show token. */
    SHOW("licenses:show", Role.CITIZEN, Role.ENTERPRISE_USER),
    /** Authorise the use of one's licenses (用证授权) and withdraw it. */
    GRANT("licenses:grant", Role.CITIZEN, Role.ENTERPRISE_USER),
    /** Issue and re-issue licenses of the types one's department issues. */
    ISSUE("licenses:issue", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Revoke, suspend and reinstate one's department's licenses. */
    STATUS("licenses:status", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** Read a license through a use authorisation for one's department or a case of the item. */
    READ_GRANTED("licenses:read-granted", Role.OFFICIAL, Role.DEPARTMENT_ADMIN),
    /** See the license types in the console. */
    TYPES_READ("licenses:types-read", Role.GOVERNMENT_MANAGER),
    /** Add and change license types. */
    TYPES_WRITE("licenses:types-write", Role.GOVERNMENT_MANAGER),
    /** Manage the signing keys: generate, rotate, propose a root-key rotation (运). */
    KEYS("licenses:keys", Role.PLATFORM_OPERATOR),
    /** Approve another person's proposal to rotate the root key (four eyes: the proposer never approves). */
    KEYS_APPROVE("licenses:keys-approve", Role.GOVERNMENT_MANAGER, Role.PLATFORM_OPERATOR);

    private final String authority;
    private final Set<Role> roles;

    LicensePermission(String authority, Role... roles) {
        this.authority = authority;
        this.roles = Set.of(roles);
    }

    @Override
    public String authority() {
        return authority;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
