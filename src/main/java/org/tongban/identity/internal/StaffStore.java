package org.tongban.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.OfficialView;
import org.tongban.identity.OrgUnitView;
import org.tongban.identity.PostedOfficial;
import org.tongban.identity.Role;
import org.tongban.identity.StaffView;
import org.tongban.shared.Masking;

/** Reads and writes organisation units, the officials posted in them and the roles held there. */
@Component
public class StaffStore {

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .query((rs, i) -> new OfficialView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    /** The organisation units in which the account holds the given role. */
    public List<UUID> unitsWhere(UUID accountId, Role role) {
        return jdbc.sql(
                        "select org_unit_id from identity.account_role where account_id = :a and role = :r and org_unit_id is not null")
                .param("a", accountId)
                .param("r", role.name())
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** The units in which the account holds a staff role (official or department admin). */
    public List<UUID> staffUnitsOf(UUID accountId) {
        return jdbc.sql("""
                select distinct org_unit_id from identity.account_role
                 where account_id = :a and role in ('OFFICIAL', 'DEPARTMENT_ADMIN') and org_unit_id is not null""")
                .param("a", accountId)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
    }

    /**
     * Staff of one unit: every official posted there, and whether they still hold the official role there; their
     * names in full for the unit's admin ({@code fullNames}), masked otherwise.
     */
    public List<StaffView> staffOf(UUID unit, boolean fullNames) {
        return jdbc.sql("""
                select o.account_id, p.name, o.staff_no, o.post,
                       exists (select 1 from identity.account_role r where r.account_id = o.account_id
                                 and r.role = 'OFFICIAL' and r.org_unit_id = o.org_unit_id) as active
                  from identity.official o
                  join identity.account a on a.id = o.account_id
                  join identity.person p on p.id = a.person_id
                 where o.org_unit_id = :u order by o.staff_no""")
                .param("u", unit)
                .query((rs, i) -> new StaffView(
                        rs.getObject(1, UUID.class),
                        fullNames ? rs.getString(2) : Masking.name(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    public List<UUID> officialsOf(String orgUnitCode) {
        return jdbc.sql("""
                select r.account_id from identity.account_role r join identity.org_unit u on u.id = r.org_unit_id
                 where u.code = :c and r.role = 'OFFICIAL' order by r.account_id""")
                .param("c", orgUnitCode)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** The departments (organisation units of kind DEPARTMENT), by code. */
    public List<DepartmentView> departments() {
        return jdbc.sql("""
                select code, name_zh, name_en, credit_code, region_code from identity.org_unit
                 where kind = 'DEPARTMENT' order by code""")
                .query((rs, i) -> new DepartmentView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The organisation units, parents before children (the province first), then by code. */
    public List<OrgUnitView> orgUnits() {
        return jdbc.sql("""
                select u.code, u.kind, u.name_zh, u.name_en, p.code
                  from identity.org_unit u left join identity.org_unit p on p.id = u.parent_id
                 order by case u.kind when 'PROVINCE' then 0 when 'CITY' then 1 when 'DISTRICT' then 2 else 3 end,
                          u.code""")
                .query((rs, i) -> new OrgUnitView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Officials at work where they are posted (one account, or all when null), with full names. */
    public List<PostedOfficial> postedOfficials(@Nullable UUID account) {
        return jdbc.sql("""
                select o.account_id, p.name, u.code, o.post
                  from identity.official o
                  join identity.org_unit u on u.id = o.org_unit_id
                  join identity.account a on a.id = o.account_id
                  join identity.person p on p.id = a.person_id
                 where (cast(:a as uuid) is null or o.account_id = :a)
                   and exists (select 1 from identity.account_role r where r.account_id = o.account_id
                                 and r.org_unit_id = o.org_unit_id and r.role in ('OFFICIAL', 'DEPARTMENT_ADMIN'))
                 order by u.code, o.staff_no""")
                .param("a", account)
                .query((rs, i) -> new PostedOfficial(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The code of an organisation unit. */
    public Optional<String> unitCode(UUID unit) {
        return jdbc.sql("select code from identity.org_unit where id = :u")
                .param("u", unit)
                .query(String.class)
                .optional();
    }

    /** Posts an account to a unit (or moves its post there) with a staff number. */
    public void postOfficial(UUID accountId, UUID unit, String staffNo, String post) {
        jdbc.sql("""
                insert into identity.official (account_id, staff_no, org_unit_id, post) values (:a, :s, :u, :p)
                on conflict (account_id) do update set staff_no = excluded.staff_no, org_unit_id = excluded.org_unit_id,
                       post = excluded.post""")
                .param("a", accountId)
                .param("s", staffNo)
                .param("u", unit)
                .param("p", post)
                .update();
    }

    public boolean staffNoTakenByOther(String staffNo, UUID accountId) {
        return jdbc.sql("select count(*) from identity.official where staff_no = :s and account_id <> :a")
                        .param("s", staffNo)
                        .param("a", accountId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Revokes a role in a unit; returns whether the account held it there. */
    public boolean revokeRole(UUID accountId, Role role, UUID unit) {
        return jdbc.sql("delete from identity.account_role where account_id = :a and role = :r and org_unit_id = :u")
                        .param("a", accountId)
                        .param("r", role.name())
                        .param("u", unit)
                        .update()
                > 0;
    }

    /** The names of the accounts among these that hold an official's post. */
    public java.util.Map<UUID, String> officialNames(java.util.Collection<UUID> accounts) {
        var names = new java.util.HashMap<UUID, String>();
        jdbc.sql("""
                select o.account_id, p.name from identity.official o
                  join identity.account a on a.id = o.account_id
                  join identity.person p on p.id = a.person_id
                 where o.account_id in (:ids)""")
                .param("ids", java.util.List.copyOf(new java.util.HashSet<>(accounts)))
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return names;
    }
}
