package org.tongban.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.OfficialView;
import org.tongban.identity.Role;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Masking;
import org.tongban.shared.PhoneNumber;

/**
 * Reads and writes persons, accounts and roles in the {@code identity} schema. Personal data goes through
 * {@link FieldProtection}: encrypted columns for reading back, blind indexes for look-ups.
 */
@Component
public class AccountStore {

    static final String ID_NUMBER = "identity.person.id_number";
    static final String PHONE = "identity.person.phone";
    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ID_LIKE = Pattern.compile("^\\d{17}[\\dXx]$");
    private static final Pattern PHONE_LIKE = Pattern.compile("^(\\+?86)?1\\d{10}$");

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    AccountStore(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** A stored account with what sign-in needs. */
    public record AccountRow(UUID id, UUID personId, String name, @Nullable String loginName, String passwordHash,
            int failedAttempts, @Nullable Instant lockedUntil, boolean enabled, boolean elderlyMode,
            int trustLevel) {}

    public byte[] idNumberIndex(IdNumber id) {
        return protection.blindIndex(id.value(), ID_NUMBER);
    }

    public byte[] phoneIndex(PhoneNumber phone) {
        return protection.blindIndex(phone.value(), PHONE);
    }

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
        if (ID_LIKE.matcher(identifier).matches() && IdNumber.isValid(identifier.toUpperCase())) {
            return findWhere("p.id_number_idx = :v", idNumberIndex(IdNumber.parse(identifier)));
        }
        if (PHONE_LIKE.matcher(identifier.replace(" ", "")).matches()) {
            try {
                return findWhere("p.phone_idx = :v", phoneIndex(PhoneNumber.parse(identifier)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return findWhere("a.login_name = :v", identifier.toLowerCase());
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
                .query((rs, i) -> new AccountRow(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("name"), rs.getString("login_name"), rs.getString("password_hash"),
                        rs.getInt("failed_attempts"), instant(rs, "locked_until"), rs.getBoolean("enabled"),
                        rs.getBoolean("elderly_mode"), rs.getInt("trust_level")))
                .optional();
    }

    /** Refuses every bearer token of the account issued until now and deletes its OAuth2 authorizations. */
    public int revokeTokens(UUID accountId) {
        jdbc.sql("update identity.account set tokens_not_before = now() where id = :id").param("id", accountId).update();
        return jdbc.sql("delete from identity.oauth2_authorization where principal_name = :p")
                .param("p", accountId.toString()).update();
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

    public boolean idNumberTaken(IdNumber id) {
        return jdbc.sql("select count(*) from identity.person where id_number_idx = :v")
                .param("v", idNumberIndex(id)).query(Integer.class).single() > 0;
    }

    public boolean phoneTaken(PhoneNumber phone) {
        return jdbc.sql("select count(*) from identity.person where phone_idx = :v")
                .param("v", phoneIndex(phone)).query(Integer.class).single() > 0;
    }

    public UUID insertPerson(String name, IdNumber id, @Nullable PhoneNumber phone, int trustLevel) {
        var personId = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.person (id, name, id_number_enc, id_number_idx, id_number_masked, phone_enc,
                       phone_idx, phone_masked, birth_date, sex, trust_level, created_at)
                values (:id, :name, :idEnc, :idIdx, :idMasked, :phoneEnc, :phoneIdx, :phoneMasked, :birth, :sex,
                        :level, now())""")
                .param("id", personId)
                .param("name", name)
                .param("idEnc", protection.encrypt(id.value(), ID_NUMBER))
                .param("idIdx", idNumberIndex(id))
                .param("idMasked", id.masked())
                .param("phoneEnc", phone == null ? null : protection.encrypt(phone.value(), PHONE))
                .param("phoneIdx", phone == null ? null : phoneIndex(phone))
                .param("phoneMasked", phone == null ? null : phone.masked())
                .param("birth", id.birthDate())
                .param("sex", id.sex().name())
                .param("level", trustLevel)
                .update();
        return personId;
    }

    public UUID insertAccount(UUID personId, @Nullable String loginName, String passwordHash) {
        var accountId = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.account (id, person_id, login_name, password_hash, created_at)
                values (:id, :person, :login, :hash, now())""")
                .param("id", accountId)
                .param("person", personId)
                .param("login", loginName == null ? null : loginName.toLowerCase())
                .param("hash", passwordHash)
                .update();
        return accountId;
    }

    public void grantRole(UUID accountId, Role role, @Nullable UUID orgUnitId, @Nullable UUID grantedBy) {
        jdbc.sql("""
                insert into identity.account_role (account_id, role, org_unit_id, granted_at, granted_by)
                values (:a, :r, :o, now(), :by) on conflict do nothing""")
                .param("a", accountId).param("r", role.name()).param("o", orgUnitId).param("by", grantedBy)
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
                .param("max", max).param("until", Timestamp.from(lockUntil)).param("id", accountId)
                .query((rs, i) -> new Failure(rs.getInt(1), rs.getBoolean(2)))
                .single();
    }

    public void resetFailures(UUID accountId) {
        jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where id = :id and "
                        + "(failed_attempts <> 0 or locked_until is not null)")
                .param("id", accountId).update();
    }

    public void setPasswordHash(UUID accountId, String hash) {
        jdbc.sql("update identity.account set password_hash = :h where id = :id")
                .param("h", hash).param("id", accountId).update();
    }

    public void setEnabled(UUID accountId, boolean enabled) {
        jdbc.sql("update identity.account set enabled = :e where id = :id")
                .param("e", enabled).param("id", accountId).update();
    }

    public void setElderlyMode(UUID accountId, boolean on) {
        jdbc.sql("update identity.account set elderly_mode = :on where id = :id")
                .param("on", on).param("id", accountId).update();
    }

    public void setTrustLevel(UUID personId, int level) {
        jdbc.sql("update identity.person set trust_level = :l, version = version + 1 where id = :id")
                .param("l", level).param("id", personId).update();
    }

    public void setPhone(UUID personId, PhoneNumber phone) {
        jdbc.sql("""
                update identity.person set phone_enc = :enc, phone_idx = :idx, phone_masked = :masked,
                       version = version + 1 where id = :id""")
                .param("enc", protection.encrypt(phone.value(), PHONE))
                .param("idx", phoneIndex(phone))
                .param("masked", phone.masked())
                .param("id", personId)
                .update();
    }

    /** Decrypts a person's ID number: only for checks against a register, never for display. */
    public IdNumber idNumberOf(UUID personId) {
        var enc = jdbc.sql("select id_number_enc from identity.person where id = :id")
                .param("id", personId).query(byte[].class).single();
        return IdNumber.parse(protection.decrypt(enc, ID_NUMBER));
    }

    /** Decrypts a person's phone, to send a code to it. */
    public Optional<PhoneNumber> phoneOf(UUID personId) {
        var enc = jdbc.sql("select phone_enc from identity.person where id = :id")
                .param("id", personId).query((rs, i) -> rs.getBytes(1)).optional();
        return enc.filter(e -> e != null).map(e -> PhoneNumber.parse(protection.decrypt(e, PHONE)));
    }

    public record PersonRow(UUID personId, String name, String maskedIdNumber, @Nullable String maskedPhone,
            LocalDate birthDate, String sex, int trustLevel) {}

    public PersonRow person(UUID personId) {
        return jdbc.sql("""
                select id, name, id_number_masked, phone_masked, birth_date, sex, trust_level
                  from identity.person where id = :id""")
                .param("id", personId)
                .query((rs, i) -> new PersonRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getInt(7)))
                .single();
    }

    /**
     * The account's post, while it holds a staff role (official or department admin) in that unit: a withdrawn
     * official keeps the record of the post (the staff page lists it) but no longer works for the department.
     */
    public Optional<OfficialView> officialOf(UUID accountId) {
        return jdbc.sql("""
                select o.staff_no, o.post, u.id, u.code, u.name_zh, u.name_en
                  from identity.official o join identity.org_unit u on u.id = o.org_unit_id
                 where o.account_id = :id
                   and exists (select 1 from identity.account_role r where r.account_id = o.account_id
                                 and r.org_unit_id = o.org_unit_id and r.role in ('OFFICIAL', 'DEPARTMENT_ADMIN'))""")
                .param("id", accountId)
                .query((rs, i) -> new OfficialView(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** Enterprises this account may act for now: active grants within their validity period. */
    public List<EnterpriseView> enterprisesOf(UUID accountId) {
        return jdbc.sql("""
                select e.id, e.credit_code, e.name, p.name as rep, e.address, e.industry, g.kind, g.scope, g.valid_to
                  from identity.enterprise_grant g
                  join identity.enterprise e on e.id = g.enterprise_id
                  join identity.person p on p.id = e.legal_rep_id
                 where g.account_id = :id and g.status = 'ACTIVE' and g.valid_from <= now()
                   and (g.valid_to is null or g.valid_to > now())
                 order by e.name""")
                .param("id", accountId)
                .query((rs, i) -> new EnterpriseView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Masking.name(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), instant(rs, "valid_to")))
                .list();
    }

    /** The organisation units in which the account holds the given role. */
    public List<UUID> unitsWhere(UUID accountId, Role role) {
        return jdbc.sql("select org_unit_id from identity.account_role where account_id = :a and role = :r and org_unit_id is not null")
                .param("a", accountId).param("r", role.name()).query(UUID.class).list();
    }

    /** The units in which the account holds a staff role (official or department admin). */
    public List<UUID> staffUnitsOf(UUID accountId) {
        return jdbc.sql("""
                select distinct org_unit_id from identity.account_role
                 where account_id = :a and role in ('OFFICIAL', 'DEPARTMENT_ADMIN') and org_unit_id is not null""")
                .param("a", accountId).query(UUID.class).list();
    }

    /** What an open session must reflect now: whether the account is enabled, and its roles. Empty if it is gone. */
    public Optional<CurrentAccess> currentAccess(UUID accountId) {
        var roles = EnumSet.noneOf(Role.class);
        var enabled = new Boolean[1];
        var tokensNotBefore = new Instant[1];
        jdbc.sql("""
                select a.enabled, a.tokens_not_before, r.role from identity.account a
                  left join identity.account_role r on r.account_id = a.id where a.id = :id""")
                .param("id", accountId)
                .query(rs -> {
                    enabled[0] = rs.getBoolean(1);
                    var notBefore = rs.getTimestamp(2);
                    tokensNotBefore[0] = notBefore == null ? null : notBefore.toInstant();
                    var role = rs.getString(3);
                    if (role != null) roles.add(Role.valueOf(role));
                });
        return enabled[0] == null ? Optional.empty()
                : Optional.of(new CurrentAccess(enabled[0], roles, tokensNotBefore[0]));
    }

    /**
     * @param tokensNotBefore bearer tokens issued before this instant are refused (the account signed out
     *     everywhere), or null
     */
    public record CurrentAccess(boolean enabled, Set<Role> roles, @Nullable Instant tokensNotBefore) {}

    /** Staff of one unit: every official posted there, and whether they still hold the official role there. */
    public List<org.tongban.identity.StaffView> staffOf(UUID unit) {
        return jdbc.sql("""
                select o.account_id, p.name, o.staff_no, o.post,
                       exists (select 1 from identity.account_role r where r.account_id = o.account_id
                                 and r.role = 'OFFICIAL' and r.org_unit_id = o.org_unit_id) as active
                  from identity.official o
                  join identity.account a on a.id = o.account_id
                  join identity.person p on p.id = a.person_id
                 where o.org_unit_id = :u order by o.staff_no""")
                .param("u", unit)
                .query((rs, i) -> new org.tongban.identity.StaffView(rs.getObject(1, UUID.class), Masking.name(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    public List<UUID> officialsOf(String orgUnitCode) {
        return jdbc.sql("""
                select r.account_id from identity.account_role r join identity.org_unit u on u.id = r.org_unit_id
                 where u.code = :c and r.role = 'OFFICIAL' order by r.account_id""")
                .param("c", orgUnitCode).query(UUID.class).list();
    }

    /** The departments (organisation units of kind DEPARTMENT), by code. */
    public List<org.tongban.identity.DepartmentView> departments() {
        return jdbc.sql("""
                select code, name_zh, name_en, credit_code, region_code from identity.org_unit
                 where kind = 'DEPARTMENT' order by code""")
                .query((rs, i) -> new org.tongban.identity.DepartmentView(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Posts an account to a unit (or moves its post there) with a staff number. */
    public void postOfficial(UUID accountId, UUID unit, String staffNo, String post) {
        jdbc.sql("""
                insert into identity.official (account_id, staff_no, org_unit_id, post) values (:a, :s, :u, :p)
                on conflict (account_id) do update set staff_no = excluded.staff_no, org_unit_id = excluded.org_unit_id,
                       post = excluded.post""")
                .param("a", accountId).param("s", staffNo).param("u", unit).param("p", post).update();
    }

    public boolean staffNoTakenByOther(String staffNo, UUID accountId) {
        return jdbc.sql("select count(*) from identity.official where staff_no = :s and account_id <> :a")
                .param("s", staffNo).param("a", accountId).query(Integer.class).single() > 0;
    }

    /** Revokes a role in a unit; returns whether the account held it there. */
    public boolean revokeRole(UUID accountId, Role role, UUID unit) {
        return jdbc.sql("delete from identity.account_role where account_id = :a and role = :r and org_unit_id = :u")
                .param("a", accountId).param("r", role.name()).param("u", unit).update() > 0;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
