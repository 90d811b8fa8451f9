package org.tongban.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.Family;
import org.tongban.identity.FamilyGrantRefusedException;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.internal.FamilyStore.Grant;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;

/**
 * Family grants (亲友代办, ADR 0043). A person authorises a relative (a verified Tongban account named by name and ID
 * number) with a relationship, a scope and a last day (three years at most): the principal confirms with a passkey
 * assertion whose challenge is bound to the grant's content, then the relative accepts with their own passkey, bound
 * to the same content; only then is it in force. A guardian adds a minor child (under 18 by the ID number's birth
 * date, found in the population register) and confirms the guardian's declaration with a passkey: in force at once,
 * until the child's 18th birthday. Either side revokes at once.
 */
@Service
public class FamilyGrants {

    static final String PURPOSE = "tongban:family-grant:v1";
    static final Duration TO_CONFIRM = Duration.ofMinutes(10);
    static final Duration TO_ACCEPT = Duration.ofDays(7);

    private final FamilyStore store;
    private final FamilyPeople people;
    private final PasskeyConfirmation passkeys;
    private final AuditManagement audit;
    private final Clock clock;

    FamilyGrants(
            FamilyStore store, FamilyPeople people, PasskeyConfirmation passkeys, AuditManagement audit, Clock clock) {
        this.store = store;
        this.people = people;
        this.passkeys = passkeys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The principal names a relative; the grant waits for the principal's passkey.
     *
     * @throws InvalidInputException on {@code name}, {@code idNumber}, {@code relationship}, {@code scope},
     *     {@code validTo}
     */
    @Transactional
    public UUID authorise(
            UUID principal, String name, String idNumber, String relationship, List<String> scopes, String validTo) {
        var errors = new LinkedHashMap<String, String>();
        var id = idNumber(idNumber, errors);
        if (name.isBlank() || name.strip().length() > 40) errors.put("name", "family.error.name");
        if (!FamilyStore.RELATIONSHIPS.contains(relationship)) errors.put("relationship", "family.error.relationship");
        var scope = scope(scopes, errors);
        Instant end = null;
        var today = LocalDate.now(clock.withZone(AgentGrants.ZONE));
        try {
            var last = LocalDate.parse(validTo.strip());
            if (!last.isAfter(today)) errors.put("validTo", "family.error.validToPast");
            else if (last.isAfter(today.plusYears(3))) errors.put("validTo", "family.error.validToTooLong");
            else end = last.plusDays(1).atStartOfDay(AgentGrants.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("validTo", "family.error.validTo");
        }
        UUID relative = null;
        if (id != null && !errors.containsKey("name")) {
            var found = people.verified(id, name.strip(), errors);
            if (found != null && found.equals(principal)) errors.put("idNumber", "family.error.self");
            else relative = found;
        }
        if (!errors.isEmpty() || relative == null || end == null || scope == null) {
            throw new InvalidInputException(
                    errors.isEmpty() ? Map.of("idNumber", "family.error.unknownPerson") : errors);
        }
        var grant = UUID.randomUUID();
        store.insert(
                grant,
                principal,
                relative,
                relationship,
                scope,
                end,
                "AUTHORISED",
                "PROPOSED",
                principal,
                passkeys.challengeFor(PURPOSE, content(grant, principal, relative, relationship, scope, end)));
        return grant;
    }

    /**
     * A guardian adds a minor child, as the child's parent; the declaration waits for the guardian's passkey.
     *
     * @throws InvalidInputException on {@code name}, {@code idNumber}, {@code scope}
     */
    @Transactional
    public UUID addMinor(UUID guardian, String name, String idNumber, List<String> scopes) {
        var errors = new LinkedHashMap<String, String>();
        var id = idNumber(idNumber, errors);
        if (name.isBlank() || name.strip().length() > 40) errors.put("name", "family.error.name");
        var scope = scope(scopes, errors);
        var today = LocalDate.now(clock.withZone(AgentGrants.ZONE));
        if (id != null && !id.birthDate().plusYears(18).isAfter(today)) errors.put("idNumber", "family.error.notMinor");
        UUID child = null;
        if (id != null && errors.isEmpty()) {
            child = people.minor(id, name.strip(), errors);
            if (guardian.equals(child)) errors.put("idNumber", "family.error.self");
        }
        if (!errors.isEmpty() || child == null || id == null || scope == null) {
            throw new InvalidInputException(
                    errors.isEmpty() ? Map.of("idNumber", "family.error.unknownPerson") : errors);
        }
        var end = id.birthDate().plusYears(18).atStartOfDay(AgentGrants.ZONE).toInstant();
        var grant = UUID.randomUUID();
        store.insert(
                grant,
                child,
                guardian,
                "PARENT",
                scope,
                end,
                "GUARDIAN",
                "PROPOSED",
                guardian,
                passkeys.challengeFor(PURPOSE, content(grant, child, guardian, "PARENT", scope, end)));
        return grant;
    }

    /** What a challenge is bound to: the grant, both people, the relationship, the scope and the end. */
    static String content(UUID grant, UUID principal, UUID relative, String relationship, String scope, Instant end) {
        return String.join(
                "\n", grant.toString(), principal.toString(), relative.toString(), relationship, scope, end.toString());
    }

    /** The step this account may take on the grant now: {@code CONFIRM}, {@code ACCEPT}, or null. */
    public @Nullable String stepFor(UUID account, Grant g) {
        var now = clock.instant();
        if (g.status().equals("PROPOSED")
                && g.createdBy().equals(account)
                && g.createdAt().plus(TO_CONFIRM).isAfter(now)) return "CONFIRM";
        if (g.status().equals("CONFIRMED")
                && g.relative().equals(account)
                && g.createdAt().plus(TO_ACCEPT).isAfter(now)) return "ACCEPT";
        return null;
    }

    public boolean hasPasskey(UUID account) {
        return passkeys.hasPasskey(account);
    }

    /** The grant, if the account gives or holds it; anyone else's is not found. */
    @Transactional(readOnly = true)
    public Grant grant(UUID account, UUID grant) {
        return store.of(grant, account).orElseThrow(() -> new AccountNotFoundException(grant));
    }

    /** The passkey request options for the account's step on the grant (its challenge bound to the content). */
    @Transactional(readOnly = true)
    public String requestOptions(UUID account, UUID id, Authentication me) {
        var g = grant(account, id);
        var step = stepFor(account, g);
        if (step == null) throw new AccountNotFoundException(id);
        var challenge = step.equals("CONFIRM") ? g.principalChallenge() : g.relativeChallenge();
        if (challenge == null) throw new AccountNotFoundException(id);
        return passkeys.requestOptions(me, challenge);
    }

    /**
     * The account's passkey assertion for its step: the principal's confirmation (then the relative's acceptance is
     * awaited), the relative's acceptance or the guardian's declaration (then the grant is in force).
     *
     * @throws FamilyGrantRefusedException when the assertion does not verify (audited, nothing changed)
     */
    @Transactional(noRollbackFor = FamilyGrantRefusedException.class)
    public String confirm(UUID account, UUID id, String assertion) {
        var g = grant(account, id);
        var step = stepFor(account, g);
        if (step == null) throw new AccountNotFoundException(id);
        var challenge = step.equals("CONFIRM") ? g.principalChallenge() : g.relativeChallenge();
        if (challenge == null || !passkeys.verify(account, challenge, assertion)) {
            audit.recordNow(AuditRecord.denied(
                    IdentityAudit.FAMILY_GRANT_REFUSED,
                    account.toString(),
                    g.principal().toString(),
                    Map.of("reason", "PASSKEY", "grant", id.toString(), "step", step)));
            throw new FamilyGrantRefusedException();
        }
        var scope = String.join(",", g.scopes());
        var details = Map.of(
                "grant", id.toString(),
                "relative", g.relative().toString(),
                "relationship", g.relationship(),
                "scope", scope,
                "validTo", g.validTo().toString(),
                "method", "PASSKEY");
        if (step.equals("ACCEPT")) {
            if (!store.move(id, "CONFIRMED", "ACTIVE", null)) throw new AccountNotFoundException(id);
            audit.recordNow(AuditRecord.success(
                    IdentityAudit.FAMILY_ACCEPTED,
                    account.toString(),
                    g.principal().toString(),
                    details));
            return "ACTIVE";
        }
        if (g.kind().equals("GUARDIAN")) {
            if (!store.move(id, "PROPOSED", "ACTIVE", null)) throw new AccountNotFoundException(id);
            // The register knows no households: the guardian's declaration is what is on record (ADR 0043).
            audit.recordNow(AuditRecord.success(
                    IdentityAudit.FAMILY_GUARDIAN_DECLARED,
                    account.toString(),
                    g.principal().toString(),
                    details));
            return "ACTIVE";
        }
        var relativeChallenge = passkeys.challengeFor(
                PURPOSE + ":accept", content(id, g.principal(), g.relative(), g.relationship(), scope, g.validTo()));
        if (!store.move(id, "PROPOSED", "CONFIRMED", relativeChallenge)) throw new AccountNotFoundException(id);
        audit.recordNow(AuditRecord.success(
                IdentityAudit.FAMILY_AUTHORISED,
                account.toString(),
                g.principal().toString(),
                details));
        return "CONFIRMED";
    }

    /** Every grant the account gives or holds, newest first. */
    @Transactional(readOnly = true)
    public List<Grant> all(UUID account) {
        return store.all(account);
    }

    /** The principal or the relative ends the grant at once; an ended one, or another's, is not found. */
    @Transactional
    public void revoke(UUID account, UUID id) {
        var g = grant(account, id);
        if (!store.revoke(id, account)) throw new AccountNotFoundException(id);
        audit.recordNow(AuditRecord.success(
                IdentityAudit.FAMILY_REVOKED,
                account.toString(),
                g.principal().toString(),
                Map.of("grant", id.toString(), "relative", g.relative().toString(), "was", g.status())));
    }

    private static @Nullable IdNumber idNumber(String raw, Map<String, String> errors) {
        try {
            return IdNumber.parse(raw.strip());
        } catch (InvalidValueException e) {
            errors.put("idNumber", e.messageKey());
            return null;
        }
    }

    private static @Nullable String scope(List<String> scopes, Map<String, String> errors) {
        var chosen = Family.SCOPES.stream().filter(scopes::contains).toList();
        if (chosen.isEmpty() || chosen.size() != scopes.stream().distinct().count()) {
            errors.put("scope", "family.error.scope");
            return null;
        }
        return String.join(",", chosen);
    }
}
