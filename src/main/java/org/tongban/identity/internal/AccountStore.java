package org.tongban.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Masking;
import org.tongban.shared.PhoneNumber;

/**
 * Reads and writes accounts in the {@code identity} schema: sign-in (look-up, failures, locks), roles, bearer-token
 * revocation and the enterprises an account may act for. The persons behind the accounts: {@link PersonStore}.
 */
@Component
public class AccountStore {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ID_LIKE = Pattern.compile("^\\d{17}[\\dXx]$");
    private static final Pattern PHONE_LIKE = Pattern.compile("^(\\+?86)?1\\d{10}$");

    private final JdbcClient jdbc;
    private final PersonStore persons;

    AccountStore(JdbcClient jdbc, PersonStore persons) {
        this.jdbc = jdbc;
        this.persons = persons;
    }

    /** A stored account with what sign-in needs. */
    public record AccountRow(
            UUID id,
            UUID personId,
            String name,
            @Nullable String loginName,
            String passwordHash,
            int failedAttempts,
            @Nullable Instant lockedUntil,
            boolean enabled,
            boolean elderlyMode,
            int trustLevel) {}

    /**
     * Finds an account by what a person types at sign-in: an ID number, a mobile number, a login name (staff and
     * demo accounts) or the account id itself (passkeys and tokens carry it).
     */
    public Optional<AccountRow> findByIdentifier(String raw) {
        var identifier = raw.strip();
        if (identifier.isEmpty()) return Optional.empty();
        if (UUID_PATTERN.matcher(identifier).matches()) {
            return findWhere("a.id = :v", UUID.fromString(identifier));
        }
        if (ID_LIKE.matcher(identifier).matches() && IdNumber.isValid(identifier.toUpperCase(Locale.ROOT))) {
            return findWhere("p.id_number_idx = :v", persons.idNumberIndex(IdNumber.parse(identifier)));
        }
        if (PHONE_LIKE.matcher(identifier.replace(" ", "")).matches()) {
            try {
                return findWhere("p.phone_idx = :v", persons.phoneIndex(PhoneNumber.parse(identifier)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return findWhere("a.login_name = :v", identifier.toLowerCase(Locale.ROOT));
    }

    public Optional<AccountRow> findById(UUID id) {
        return findWhere("a.id = :v", id);
    }

    private Optional<AccountRow> findWhere(String condition, Object value) {
        return jdbc.sql("""
                select a.id, a.person_id, p.name, a.login_name, a.password_hash, a.failed_attempts, a.locked_until,
                       a.enabled, a.elderly_mode, p.trust_level
                  from identity.account a join identity.person p on p.id = a.person_id""" + " where " + condition)
                .param("v", value)
                .query((rs, i) -> new AccountRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("login_name"),
                        rs.getString("password_hash"),
                        rs.getInt("failed_attempts"),
                        instant(rs, "locked_until"),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("elderly_mode"),
                        rs.getInt("trust_level")))
                .optional();
    }

    /** Refuses every bearer token of the account issued until now and deletes its OAuth2 authorizations. */
    public int revokeTokens(UUID accountId) {
        jdbc.sql("update identity.account set tokens_not_before = now() where id = :id")
                .param("id", accountId)
                .update();
        return jdbc.sql("delete from identity.oauth2_authorization where principal_name = :p")
                .param("p", accountId.toString())
                .update();
    }

    public Set<Role> rolesOf(UUID accountId) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from identity.account_role where account_id = :id")
                .param("id", accountId)
                .query((rs, i) -> Role.valueOf(rs.getString(1)))
                .list()
                .forEach(roles::add);
        return roles;
    }

    /** When the holder accepted the privacy notice at registration (个人信息保护法 consent). */
    public void recordPrivacyConsent(UUID accountId, java.time.Instant at) {
        jdbc.sql("update identity.account set privacy_consented_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(at))
                .param("id", accountId)
                .update();
    }

    public UUID insertAccount(UUID personId, @Nullable String loginName, String passwordHash) {
        var accountId = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.account (id, person_id, login_name, password_hash, created_at)
                values (:id, :person, :login, :hash, now())""")
                .param("id", accountId)
                .param("person", personId)
                .param("login", loginName == null ? null : loginName.toLowerCase(Locale.ROOT))
                .param("hash", passwordHash)
                .update();
        return accountId;
    }

    public void grantRole(UUID accountId, Role role, @Nullable UUID orgUnitId, @Nullable UUID grantedBy) {
        jdbc.sql("""
                insert into identity.account_role (account_id, role, org_unit_id, granted_at, granted_by)
                values (:a, :r, :o, now(), :by) on conflict do nothing""")
                .param("a", accountId)
                .param("r", role.name())
                .param("o", orgUnitId)
                .param("by", grantedBy)
                .update();
    }

    /** One more failure: the count in a row, and whether this failure locked the account. */
    public record Failure(int count, boolean locked) {}

    /**
     * Counts a failure and locks the account once {@code max} failures in a row are reached. A lock runs its time
     * and is never extended: failures during a lock change nothing but the count, and once a lock has ended the
     * count starts again, so that keeping an account locked takes {@code max} fresh failures per lock (which the
     * per-address limits make slow) and every lock is a new, audited event.
     */
    public Failure recordFailure(UUID accountId, int max, Instant lockUntil) {
        return jdbc.sql("""
                with next as (
                    select id, locked_until as was_locked_until,
                           case when locked_until is not null and locked_until <= now() then 1
                                else failed_attempts + 1 end as count
                      from identity.account where id = :id for update)
                update identity.account a
                   set failed_attempts = next.count,
                       locked_until = case when next.was_locked_until > now() then next.was_locked_until
                                           when next.count >= :max then :until
                                           else null end
                  from next where a.id = next.id
                returning a.failed_attempts,
                          a.locked_until is not null and a.locked_until is distinct from next.was_locked_until""")
                .param("max", max)
                .param("until", Timestamp.from(lockUntil))
                .param("id", accountId)
                .query((rs, i) -> new Failure(rs.getInt(1), rs.getBoolean(2)))
                .single();
    }

    public void resetFailures(UUID accountId) {
        jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where id = :id and "
                        + "(failed_attempts <> 0 or locked_until is not null)")
                .param("id", accountId)
                .update();
    }

    public void setPasswordHash(UUID accountId, String hash) {
        jdbc.sql("update identity.account set password_hash = :h, password_change_required = false where id = :id")
                .param("h", hash)
                .param("id", accountId)
                .update();
    }

    public void setEnabled(UUID accountId, boolean enabled) {
        jdbc.sql("update identity.account set enabled = :e where id = :id")
                .param("e", enabled)
                .param("id", accountId)
                .update();
    }

    public void setElderlyMode(UUID accountId, boolean on) {
        jdbc.sql("update identity.account set elderly_mode = :on where id = :id")
                .param("on", on)
                .param("id", accountId)
                .update();
    }

    /**
     * Enterprises this account may act for now: active grants within their validity period, in the order the account
     * came to act for them (the first is the channel's current enterprise by default, ADR 0030).
     */
    public List<EnterpriseView> enterprisesOf(UUID accountId) {
        return jdbc.sql("""
                select e.id, e.credit_code, e.name, p.name as rep, e.address, e.industry, g.kind, g.scope, g.valid_to
                  from identity.enterprise_grant g
                  join identity.enterprise e on e.id = g.enterprise_id
                  join identity.person p on p.id = e.legal_rep_id
                 where g.account_id = :id and g.status = 'ACTIVE' and g.valid_from <= now()
                   and (g.valid_to is null or g.valid_to > now())
                 order by g.created_at, e.name""")
                .param("id", accountId)
                .query((rs, i) -> new EnterpriseView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        Masking.name(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs, "valid_to")))
                .list();
    }

    /** The accounts with an active grant in force for the enterprise of this credit code. */
    public List<UUID> accountsActingFor(String creditCode) {
        return jdbc.sql("""
                select distinct g.account_id
                  from identity.enterprise_grant g
                  join identity.enterprise e on e.id = g.enterprise_id
                 where e.credit_code = :code and g.status = 'ACTIVE' and g.valid_from <= now()
                   and (g.valid_to is null or g.valid_to > now())""")
                .param("code", creditCode)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** What an open session must reflect now: whether the account is enabled, and its roles. Empty if it is gone. */
    public Optional<CurrentAccess> currentAccess(UUID accountId) {
        var roles = EnumSet.noneOf(Role.class);
        var enabled = new Boolean[1];
        var tokensNotBefore = new @Nullable Instant[1];
        jdbc.sql("""
                select a.enabled, a.tokens_not_before, r.role from identity.account a
                  left join identity.account_role r on r.account_id = a.id where a.id = :id""").param("id", accountId).query(rs -> {
            enabled[0] = rs.getBoolean(1);
            var notBefore = rs.getTimestamp(2);
            tokensNotBefore[0] = notBefore == null ? null : notBefore.toInstant();
            var role = rs.getString(3);
            if (role != null) roles.add(Role.valueOf(role));
        });
        return enabled[0] == null
                ? Optional.empty()
                : Optional.of(new CurrentAccess(enabled[0], roles, tokensNotBefore[0]));
    }

    /**
     * @param tokensNotBefore bearer tokens issued before this instant are refused (the account signed out
     *     everywhere), or null
     */
    public record CurrentAccess(
            boolean enabled, Set<Role> roles, @Nullable Instant tokensNotBefore) {}

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
