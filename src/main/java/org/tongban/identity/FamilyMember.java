package org.tongban.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person the actor may act for now (ADR 0043), as the actor sees them.
 *
 * @param grant the family grant (what the API's {@code X-On-Behalf-Of} header names)
 * @param account the family member's account
 * @param name the family member's name
 * @param relation what the member is to the actor ({@code PARENT}: the actor's father or mother)
 * @param sex the member's sex ({@code MALE}, {@code FEMALE}), to word the relation (母亲, 父亲)
 * @param scopes what the actor may do for them ({@link Family#SCOPES})
 * @param validTo when the grant ends
 */
public record FamilyMember(
        UUID grant, UUID account, String name, String relation, String sex, List<String> scopes, Instant validTo) {

    public FamilyMember {
        scopes = List.copyOf(scopes);
    }

    /** The message key of the relation's word, e.g. {@code family.rel.PARENT.FEMALE} (母亲). */
    public String relationKey() {
        return "family.rel." + relation + "." + sex;
    }

    public boolean covers(String scope) {
        return scopes.contains(scope);
    }
}
