package org.tongban.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.EnterpriseClaimRefusedException;
import org.tongban.identity.EnterpriseNotFoundException;
import org.tongban.identity.EnterpriseRegistered;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.MarketEntityRegister;
import org.tongban.identity.MarketEntityRegister.MarketEntity;
import org.tongban.identity.Role;
import org.tongban.shared.CreditCode;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Masking;

/**
 * A legal representative claims an enterprise (ADR 0030): the credit code is checked (GB 32100 check character),
 * the enterprise is looked up in the market-entity register, and the signed-in person, whose name and ID number were
 * verified (trust level 3 or more), must be its registered legal representative. The claim is then confirmed with a
 * passkey assertion with user verification whose challenge is bound to the account and the code
 * ({@link PasskeyConfirmation}). Only then is the enterprise a party on Tongban, the account its legal
 * representative. Every refusal is audited.
 */
@Service
public class EnterpriseClaims {

    static final String PURPOSE = "tongban:enterprise-claim:v1";
    static final java.time.Duration VALID = java.time.Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final MarketEntityRegister register;
    private final AccountStore accounts;
    private final PasskeyConfirmation passkeys;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnterpriseClaims(
            JdbcClient jdbc,
            MarketEntityRegister register,
            AccountStore accounts,
            PasskeyConfirmation passkeys,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.register = register;
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A claim waiting for the passkey: what the register says, shown to the claimant before confirming. */
    public record PendingClaim(
            UUID id, MarketEntity entity, String maskedRepresentative, Instant expiresAt, boolean hasPasskey) {}

    /**
     * Checks the code and the representative and starts the claim.
     *
     * @throws InvalidInputException on the field {@code creditCode}, audited
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public UUID start(UUID account, String creditCodeInput) {
        CreditCode code;
        try {
            code = CreditCode.parse(creditCodeInput);
        } catch (InvalidValueException e) {
            throw refused(account, creditCodeInput, e.messageKey(), "CODE");
        }
        var claimant = jdbc.sql("""
                        select p.name, p.id_number_idx, p.trust_level from identity.account a
                          join identity.person p on p.id = a.person_id where a.id = :a""")
                .param("a", account)
                .query((rs, i) -> new Claimant(rs.getString(1), rs.getBytes(2), rs.getInt(3)))
                .single();
        if (claimant.trustLevel() < 3) {
            throw refused(account, code.value(), "enterprise.claim.trustLevel", "TRUST_LEVEL");
        }
        var entity = register.find(code);
        if (entity.isEmpty()) throw refused(account, code.value(), "enterprise.claim.unknown", "NOT_REGISTERED");
        if (!isRepresentative(code, claimant)) {
            throw refused(account, code.value(), "enterprise.claim.notRepresentative", "NOT_REPRESENTATIVE");
        }
        var held = jdbc.sql("""
                        select count(*) from identity.enterprise e join identity.enterprise_grant g on g.enterprise_id = e.id
                         where e.credit_code = :c and g.account_id = :a and g.kind = 'LEGAL_REPRESENTATIVE'
                           and g.status = 'ACTIVE'""")
                .param("c", code.value())
                .param("a", account)
                .query(Integer.class)
                .single();
        if (held > 0) throw refused(account, code.value(), "enterprise.claim.already", "ALREADY_CLAIMED");
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("""
                insert into identity.enterprise_claim (id, account_id, credit_code, challenge, expires_at, created_at)
                values (:id, :a, :c, :ch, :exp, :now)""")
                .param("id", id)
                .param("a", account)
                .param("c", code.value())
                .param("ch", passkeys.challengeFor(PURPOSE, account + "\n" + code.value() + "\n" + id))
                .param("exp", java.sql.Timestamp.from(now.plus(VALID)))
                .param("now", java.sql.Timestamp.from(now))
                .update();
        return id;
    }

    /** The caller's own open claim; another's, a used or an expired one is not found. */
    public PendingClaim pending(UUID account, UUID claim) {
        var row = open(account, claim);
        var entity = register.find(CreditCode.trusted(row.creditCode()))
                .orElseThrow(() -> new EnterpriseNotFoundException(row.creditCode()));
        var hasPasskey = passkeys.hasPasskey(account);
        return new PendingClaim(
                claim, entity, Masking.name(entity.legalRepresentativeName()), row.expiresAt(), hasPasskey);
    }

    /** The passkey request options whose challenge is this claim's. */
    public String requestOptions(UUID account, UUID claim, Authentication me) {
        return passkeys.requestOptions(me, open(account, claim).challenge());
    }

    /**
     * Confirms the claim with the passkey assertion: the enterprise is created from the register (or found), and the
     * account becomes its legal representative and an enterprise user.
     *
     * @return the claimed enterprise's code
     * @throws EnterpriseClaimRefusedException when the assertion does not verify (audited)
     */
    @Transactional(noRollbackFor = EnterpriseClaimRefusedException.class)
    public CreditCode confirm(UUID account, UUID claim, String assertion) {
        var row = open(account, claim);
        if (!passkeys.verify(account, row.challenge(), assertion)) {
            audit.recordNow(AuditRecord.denied(
                    IdentityAudit.ENTERPRISE_CLAIM_REFUSED,
                    account.toString(),
                    row.creditCode(),
                    Map.of("reason", "PASSKEY")));
            throw new EnterpriseClaimRefusedException();
        }
        var code = CreditCode.trusted(row.creditCode());
        var entity = register.find(code).orElseThrow(() -> new EnterpriseNotFoundException(row.creditCode()));
        var used = jdbc.sql("""
                update identity.enterprise_claim set confirmed_at = :now where id = :id and confirmed_at is null""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", claim)
                .update();
        if (used != 1) throw new EnterpriseNotFoundException(row.creditCode());
        var person = accounts.findById(account).orElseThrow().personId();
        var enterprise = jdbc.sql("select id from identity.enterprise where credit_code = :c")
                .param("c", code.value())
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    var id = UUID.randomUUID();
                    jdbc.sql("""
                            insert into identity.enterprise (id, credit_code, name, legal_rep_id, address, industry,
                                   region_code, trust_level, created_at)
                            values (:id, :c, :n, :rep, :addr, :ind, :reg, 3, now())""")
                            .param("id", id)
                            .param("c", code.value())
                            .param("n", entity.name())
                            .param("rep", person)
                            .param("addr", entity.address())
                            .param("ind", entity.industry())
                            .param("reg", entity.regionCode())
                            .update();
                    return id;
                });
        // The register names this person: the enterprise's representative on Tongban follows it.
        jdbc.sql("update identity.enterprise set legal_rep_id = :rep where id = :id")
                .param("rep", person)
                .param("id", enterprise)
                .update();
        jdbc.sql("""
                update identity.enterprise_grant set status = 'REVOKED'
                 where enterprise_id = :e and kind = 'LEGAL_REPRESENTATIVE' and account_id <> :a and status = 'ACTIVE'""").param("e", enterprise).param("a", account).update();
        jdbc.sql("""
                insert into identity.enterprise_grant (id, enterprise_id, account_id, kind, scope, valid_from, status,
                       created_at)
                values (:id, :e, :a, 'LEGAL_REPRESENTATIVE', 'ALL', now(), 'ACTIVE', now())""")
                .param("id", UUID.randomUUID())
                .param("e", enterprise)
                .param("a", account)
                .update();
        accounts.grantRole(account, Role.ENTERPRISE_USER, null, null);
        audit.recordNow(AuditRecord.success(
                IdentityAudit.ENTERPRISE_CLAIMED, account.toString(), code.value(), Map.of("method", "PASSKEY")));
        events.publishEvent(new EnterpriseRegistered(code.value(), entity.name(), account));
        return code;
    }

    private boolean isRepresentative(CreditCode code, Claimant claimant) {
        var rep = jdbc.sql("select legal_rep_name, legal_rep_idx from identity.market_register where credit_code = :c")
                .param("c", code.value())
                .query((rs, i) -> new Claimant(rs.getString(1), rs.getBytes(2), 0))
                .optional();
        return rep.isPresent()
                && rep.get().name().equals(claimant.name())
                && Arrays.equals(rep.get().idIndex(), claimant.idIndex());
    }

    private ClaimRow open(UUID account, UUID claim) {
        Optional<ClaimRow> row = jdbc.sql("""
                        select credit_code, challenge, expires_at from identity.enterprise_claim
                         where id = :id and account_id = :a and confirmed_at is null and expires_at > :now""")
                .param("id", claim)
                .param("a", account)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, i) -> new ClaimRow(
                        rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
        return row.orElseThrow(() -> new EnterpriseNotFoundException(claim.toString()));
    }

    private InvalidInputException refused(UUID account, String code, String messageKey, String reason) {
        audit.recordNow(AuditRecord.denied(
                IdentityAudit.ENTERPRISE_CLAIM_REFUSED,
                account.toString(),
                code.length() > 18 ? code.substring(0, 18) : code,
                Map.of("reason", reason)));
        return InvalidInputException.of("creditCode", messageKey);
    }

    private record Claimant(String name, byte[] idIndex, int trustLevel) {}

    private record ClaimRow(String creditCode, byte[] challenge, Instant expiresAt) {}
}
