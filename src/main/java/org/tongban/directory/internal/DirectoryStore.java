package org.tongban.directory.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.OrgUnitView;

/** The read model: the organisation units and the directory's entries (one per official, active or withdrawn). */
@Component
class DirectoryStore {

    /** An official in the directory, with the department's names. */
    record Entry(
            UUID accountId,
            String name,
            String pinyin,
            String initials,
            String departmentCode,
            String departmentZh,
            String departmentEn,
            String post) {}

    private static final String ENTRY = """
            select e.account_id, e.name, e.pinyin, e.initials, e.department_code,
                   coalesce(u.name_zh, e.department_code), coalesce(u.name_en, e.department_code), e.post
              from directory.entry e left join directory.unit u on u.code = e.department_code
            """;

    private final JdbcClient jdbc;

    DirectoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Entry entry(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Entry(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    void upsertUnit(OrgUnitView unit) {
        jdbc.sql("""
                insert into directory.unit (code, kind, name_zh, name_en, parent_code)
                values (:code, :kind, :zh, :en, :parent)
                on conflict (code) do update set kind = excluded.kind, name_zh = excluded.name_zh,
                       name_en = excluded.name_en, parent_code = excluded.parent_code""")
                .param("code", unit.code())
                .param("kind", unit.kind())
                .param("zh", unit.nameZh())
                .param("en", unit.nameEn())
                .param("parent", unit.parentCode())
                .update();
    }

    List<OrgUnitView> units() {
        return jdbc.sql("""
                select code, kind, name_zh, name_en, parent_code from directory.unit
                 order by case kind when 'PROVINCE' then 0 when 'CITY' then 1 when 'DISTRICT' then 2 else 3 end, code""")
                .query((rs, i) -> new OrgUnitView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /**
     * Applies "this official works here with this post" as of a time: only when it is not older than what the entry
     * already holds, so that a redelivered or late event changes nothing. Returns whether a row changed.
     */
    boolean appoint(UUID account, String name, String department, String post, Instant asOf) {
        var spelling = NamePinyin.of(name);
        return jdbc.sql("""
                        insert into directory.entry (account_id, name, pinyin, initials, department_code, post, active, as_of)
                        values (:a, :name, :pinyin, :initials, :dept, :post, true, :at)
                        on conflict (account_id) do update set name = excluded.name, pinyin = excluded.pinyin,
                               initials = excluded.initials, department_code = excluded.department_code,
                               post = excluded.post, active = true, as_of = excluded.as_of
                         where directory.entry.as_of <= excluded.as_of""")
                        .param("a", account)
                        .param("name", name)
                        .param("pinyin", spelling.full())
                        .param("initials", spelling.initials())
                        .param("dept", department)
                        .param("post", post)
                        .param("at", java.sql.Timestamp.from(asOf))
                        .update()
                > 0;
    }

    /** Applies "no longer works in this department" as of a time, unless a newer fact is already there. */
    boolean withdraw(UUID account, String department, Instant asOf) {
        return jdbc.sql("""
                        update directory.entry set active = false, as_of = :at
                         where account_id = :a and department_code = :dept and active and as_of <= :at""")
                        .param("a", account)
                        .param("dept", department)
                        .param("at", java.sql.Timestamp.from(asOf))
                        .update()
                > 0;
    }

    /** Withdraws every active entry older than the snapshot whose official the snapshot no longer lists. */
    int withdrawAllBut(List<UUID> atWork, Instant snapshot) {
        return jdbc.sql("""
                update directory.entry set active = false, as_of = :at
                 where active and as_of < :at and not (account_id = any (:ids))""")
                .param("at", java.sql.Timestamp.from(snapshot))
                .param("ids", atWork.toArray(UUID[]::new))
                .update();
    }

    /** How many active officials each department has. */
    Map<String, Integer> counts() {
        var counts = new HashMap<String, Integer>();
        jdbc.sql("select department_code, count(*) from directory.entry where active group by department_code")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    Optional<Entry> active(UUID account) {
        return jdbc.sql(ENTRY + " where e.account_id = :a and e.active")
                .param("a", account)
                .query(DirectoryStore::entry)
                .optional();
    }

    List<Entry> inDepartment(String department, int limit) {
        return jdbc.sql(ENTRY + " where e.active and e.department_code = :d order by e.initials, e.name limit :n")
                .param("d", department)
                .param("n", limit)
                .query(DirectoryStore::entry)
                .list();
    }

    /**
     * Active entries whose name contains the text, whose full pinyin or initials start with it (latin letters,
     * lower case, empty for none), or whose department's Chinese or English name contains it. Exact and prefix matches first.
     */
    List<Entry> search(String text, String latin, int limit) {
        return jdbc.sql(ENTRY + """
                 where e.active
                   and (e.name like '%' || :t || '%'
                        or (:l <> '' and (e.initials like :l || '%' or e.pinyin like :l || '%'))
                        or u.name_zh like '%' || :t || '%'
                        or lower(u.name_en) like '%' || lower(:t) || '%')
                 order by case when e.name = :t or (:l <> '' and (e.initials = :l or e.pinyin = :l)) then 0
                               when e.name like :t || '%' or (:l <> '' and e.initials like :l || '%') then 1 else 2 end,
                          e.initials, e.name
                 limit :n""")
                .param("t", text)
                .param("l", latin)
                .param("n", limit)
                .query(DirectoryStore::entry)
                .list();
    }
}
