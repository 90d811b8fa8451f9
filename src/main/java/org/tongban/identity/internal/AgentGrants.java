package org.tongban.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AgentGrantRefusedException;
import org.tongban.identity.EnterpriseNotFoundException;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Masking;

/**
 * Agents (经办人) authorised by the legal representative (ADR 0031): the representative names a verified person (name
 * and ID number), a scope and a validity end (a year at most); the invitation is confirmed with a passkey assertion
 * with user verification whose challenge is bound to the grant's content ({@link PasskeyConfirmation}). Only then is
 * the agent grant active. Every step is checked against the representative's own grant, read again each time.
 */
@Service
public class AgentGrants {

    static final String PURPOSE = "tongban:agent-grant:v1";
    static final Duration VALID = Duration.ofMinutes(10);
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PersonStore persons;
    private final PasskeyConfirmation passkeys;
    private final AuditManagement audit;
    private final Clock clock;

    AgentGrants(
            JdbcClient jdbc,
            AccountStore accounts,
            PersonStore persons,
            PasskeyConfirmation passkeys,
            AuditManagement audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.persons = persons;
        this.passkeys = passkeys;
        this.audit = audit;
        this.clock = clock;
    }

    /** An invitation waiting for the representative's passkey. */
    public record PendingGrant(
            UUID id,
            String enterpriseName,
            String creditCode,
            String agentName,
            List<String> scopes,
            LocalDate validTo,
            Instant expiresAt,
            boolean hasPasskey) {}

    /** An agent of the enterprise, as its legal representative sees it. */
    public record Agent(
            UUID grantId,
            String name,
            List<String> scopes,
            @Nullable Instant validTo,
            @Nullable LocalDate lastDay,
            String status,
            Instant since) {}

    /** The enterprise of this code if this account is its legal representative now; else not found. */
    public EnterpriseView represented(UUID account, String creditCode) {
        return accounts.enterprisesOf(account).stream()
                .filter(e -> e.creditCode().equals(creditCode) && e.grantKind().equals("LEGAL_REPRESENTATIVE"))
                .findFirst()
                .orElseThrow(() -> new EnterpriseNotFoundException(creditCode));
    }

    /**
     * Checks the invitation and writes it, waiting for the passkey.
     *
     * @throws InvalidInputException on the fields {@code name}, {@code idNumber}, {@code scope}, {@code validTo}
     */
    @Transactional
    public UUID invite(
            UUID account, String creditCode, String name, String idNumberInput, List<String> scopes, String validTo) {
        var enterprise = represented(account, creditCode);
        var errors = new java.util.LinkedHashMap<String, String>();
        IdNumber idNumber = null;
        try {
            idNumber = IdNumber.parse(idNumberInput.strip());
        } catch (InvalidValueException e) {
            errors.put("idNumber", e.messageKey());
        }
        if (name.isBlank()) errors.put("name", "agents.error.name");
        var chosen = scopes.stream()
                .distinct()
                .filter(EnterpriseView.SCOPES::contains)
                .toList();
        if (chosen.isEmpty() || chosen.size() != scopes.stream().distinct().count()) {
            errors.put("scope", "agents.error.scope");
        }
        LocalDate until = null;
        var today = LocalDate.now(clock.withZone(ZONE));
        try {
            until = LocalDate.parse(validTo.strip());
            if (!until.isAfter(today)) errors.put("validTo", "agents.error.validToPast");
            else if (until.isAfter(today.plusYears(1))) errors.put("validTo", "agents.error.validToTooLong");
        } catch (DateTimeParseException e) {
            errors.put("validTo", "agents.error.validTo");
        }
        UUID agent = null;
        if (idNumber != null && !name.isBlank()) {
            var found = jdbc.sql("""
                            select a.id, p.trust_level from identity.person p join identity.account a on a.person_id = p.id
                             where p.id_number_idx = :idx and p.name = :n""")
                    .param("idx", persons.idNumberIndex(idNumber))
                    .param("n", name.strip())
                    .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
                    .optional();
            if (found.isEmpty()) errors.put("idNumber", "agents.error.unknownPerson");
            else if (found.get().getValue() < 3) errors.put("idNumber", "agents.error.trustLevel");
            else if (found.get().getKey().equals(account)) errors.put("idNumber", "agents.error.self");
            else agent = found.get().getKey();
        }
        if (!errors.isEmpty() || agent == null || until == null) {
            throw new InvalidInputException(
                    errors.isEmpty() ? Map.of("idNumber", "agents.error.unknownPerson") : errors);
        }
        var id = UUID.randomUUID();
        var scope = String.join(",", chosen);
        var end = until.plusDays(1).atStartOfDay(ZONE).toInstant();
        var now = clock.instant();
        jdbc.sql("""
                insert into identity.agent_invitation (id, enterprise_id, inviter_id, agent_account_id, scope, valid_to,
                       challenge, expires_at, created_at)
                values (:id, :e, :inv, :ag, :sc, :to, :ch, :exp, :now)""")
                .param("id", id)
                .param("e", enterprise.id())
                .param("inv", account)
                .param("ag", agent)
                .param("sc", scope)
                .param("to", Timestamp.from(end))
                .param("ch", passkeys.challengeFor(PURPOSE, content(enterprise.creditCode(), agent, scope, end, id)))
                .param("exp", Timestamp.from(now.plus(VALID)))
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    /** What the challenge is bound to: the enterprise, the agent, the scope, the validity and the grant id. */
    static String content(String creditCode, UUID agent, String scope, Instant validTo, UUID grant) {
        return String.join("\n", creditCode, agent.toString(), scope, validTo.toString(), grant.toString());
    }

    /** The representative's own open invitation; another's, a used or an expired one is not found. */
    public PendingGrant pending(UUID account, String creditCode, UUID invitation) {
        var row = open(account, creditCode, invitation);
        var hasPasskey = passkeys.hasPasskey(account);
        return new PendingGrant(
                invitation,
                row.enterprise().name(),
                row.enterprise().creditCode(),
                Masking.name(row.agentName()),
                List.of(row.scope().split(",")),
                row.validTo().atZone(ZONE).toLocalDate().minusDays(1),
                row.expiresAt(),
                hasPasskey);
    }

    /** The passkey request options whose challenge is this invitation's. */
    public String requestOptions(UUID account, String creditCode, UUID invitation, Authentication me) {
        return passkeys.requestOptions(me, open(account, creditCode, invitation).challenge());
    }

    /**
     * Confirms the invitation with the passkey assertion: the agent grant becomes active and the agent an enterprise
     * user.
     *
     * @throws AgentGrantRefusedException when the assertion does not verify (audited, nothing written)
     */
    @Transactional(noRollbackFor = AgentGrantRefusedException.class)
    public void confirm(UUID account, String creditCode, UUID invitation, String assertion) {
        var row = open(account, creditCode, invitation);
        if (!passkeys.verify(account, row.challenge(), assertion)) {
            audit.recordNow(AuditRecord.denied(
                    IdentityAudit.AGENT_GRANT_REFUSED,
                    account.toString(),
                    creditCode,
                    Map.of("reason", "PASSKEY", "grant", invitation.toString())));
            throw new AgentGrantRefusedException();
        }
        var used = jdbc.sql("""
                update identity.agent_invitation set confirmed_at = :now where id = :id and confirmed_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", invitation)
                .update();
        if (used != 1) throw new EnterpriseNotFoundException(invitation.toString());
        jdbc.sql("""
                insert into identity.enterprise_grant (id, enterprise_id, account_id, kind, scope, valid_from, valid_to,
                       status, created_at, granted_by)
                values (:id, :e, :a, 'AGENT', :sc, now(), :to, 'ACTIVE', now(), :by)""")
                .param("id", invitation)
                .param("e", row.enterprise().id())
                .param("a", row.agent())
                .param("sc", row.scope())
                .param("to", Timestamp.from(row.validTo()))
                .param("by", account)
                .update();
        accounts.grantRole(row.agent(), Role.ENTERPRISE_USER, null, null);
        audit.recordNow(AuditRecord.success(
                IdentityAudit.AGENT_GRANTED,
                account.toString(),
                creditCode,
                Map.of(
                        "grant", invitation.toString(),
                        "agent", row.agent().toString(),
                        "scope", row.scope(),
                        "validTo", row.validTo().toString(),
                        "method", "PASSKEY")));
    }

    /** The enterprise's agents, newest first, with their status now. */
    @Transactional(readOnly = true)
    public List<Agent> agents(UUID account, String creditCode) {
        var enterprise = represented(account, creditCode);
        return jdbc.sql("""
                        select g.id, p.name, g.scope, g.valid_to, g.status, g.created_at
                          from identity.enterprise_grant g
                          join identity.account a on a.id = g.account_id join identity.person p on p.id = a.person_id
                         where g.enterprise_id = :e and g.kind = 'AGENT' order by g.created_at desc limit 200""")
                .param("e", enterprise.id())
                .query((rs, i) -> {
                    var to = rs.getTimestamp(4);
                    var status = rs.getString(5);
                    if (status.equals("ACTIVE") && to != null && !to.toInstant().isAfter(clock.instant())) {
                        status = "EXPIRED";
                    }
                    return new Agent(
                            rs.getObject(1, UUID.class),
                            Masking.name(rs.getString(2)),
                            List.of(rs.getString(3).split(",")),
                            to == null ? null : to.toInstant(),
                            to == null
                                    ? null
                                    : to.toInstant().atZone(ZONE).toLocalDate().minusDays(1),
                            status,
                            rs.getTimestamp(6).toInstant());
                })
                .list();
    }

    /** One agent of the enterprise; another enterprise's grant is not found. */
    @Transactional(readOnly = true)
    public Agent agent(UUID account, String creditCode, UUID grant) {
        return agents(account, creditCode).stream()
                .filter(a -> a.grantId().equals(grant))
                .findFirst()
                .orElseThrow(() -> new EnterpriseNotFoundException(grant.toString()));
    }

    /** Revokes an agent's grant; it stops at the agent's next request. Revoking a revoked grant is not found. */
    @Transactional
    public void revoke(UUID account, String creditCode, UUID grant) {
        var enterprise = represented(account, creditCode);
        var done = jdbc.sql("""
                        update identity.enterprise_grant set status = 'REVOKED', revoked_at = now()
                         where id = :g and enterprise_id = :e and kind = 'AGENT' and status = 'ACTIVE'""").param("g", grant).param("e", enterprise.id()).update();
        if (done != 1) throw new EnterpriseNotFoundException(grant.toString());
        audit.recordNow(AuditRecord.success(
                IdentityAudit.AGENT_REVOKED, account.toString(), creditCode, Map.of("grant", grant.toString())));
    }

    /** What the agent did for the enterprise: the audit entries that name both (newest first). */
    @Transactional(readOnly = true)
    public List<Activity> activity(UUID account, String creditCode, UUID grant) {
        agent(account, creditCode, grant);
        var agentAccount = jdbc.sql("select account_id from identity.enterprise_grant where id = :g")
                .param("g", grant)
                .query(UUID.class)
                .single();
        // The audit module's own query: the agent's entries, those that name the enterprise kept.
        return audit
                .search(
                        new org.tongban.audit.AuditQuery(null, null, agentAccount.toString(), null, null, null, null),
                        500)
                .stream()
                .filter(e -> e.subject().equals(creditCode) || e.details().contains(creditCode))
                .limit(50)
                .map(e -> new Activity(e.code(), e.result(), e.occurredAt()))
                .toList();
    }

    /** One entry of an agent's activity for the enterprise. */
    public record Activity(String code, String result, Instant at) {}

    private Row open(UUID account, String creditCode, UUID invitation) {
        var enterprise = represented(account, creditCode);
        return jdbc.sql("""
                        select i.agent_account_id, p.name, i.scope, i.valid_to, i.challenge, i.expires_at
                          from identity.agent_invitation i
                          join identity.account a on a.id = i.agent_account_id join identity.person p on p.id = a.person_id
                         where i.id = :id and i.enterprise_id = :e and i.inviter_id = :a and i.confirmed_at is null
                           and i.expires_at > :now""")
                .param("id", invitation)
                .param("e", enterprise.id())
                .param("a", account)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Row(
                        enterprise,
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBytes(5),
                        rs.getTimestamp(6).toInstant()))
                .optional()
                .orElseThrow(() -> new EnterpriseNotFoundException(invitation.toString()));
    }

    private record Row(
            EnterpriseView enterprise,
            UUID agent,
            String agentName,
            String scope,
            Instant validTo,
            byte[] challenge,
            Instant expiresAt) {}
}
