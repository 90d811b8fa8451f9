package org.tongban.directory.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An official's contact details and who may see each (the directory's own data). */
@Component
public class ContactStore {

    /** Who may see a detail: every official, the owner's department, or the owner alone. */
    public enum Seen {
        ALL,
        DEPARTMENT,
        SELF
    }

    public record Contact(
            @Nullable String officePhone,
            @Nullable String mobile,
            @Nullable String email,
            @Nullable String room,
            Seen officePhoneSeen,
            Seen mobileSeen,
            Seen emailSeen,
            Seen roomSeen) {

        static final Contact NONE = new Contact(null, null, null, null, Seen.ALL, Seen.DEPARTMENT, Seen.ALL, Seen.ALL);
    }

    private final JdbcClient jdbc;

    ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Contact of(UUID account) {
        return find(account).orElse(Contact.NONE);
    }

    /** The contact details of several officials at once (those who have none are left out). */
    Map<UUID, Contact> of(List<UUID> accounts) {
        var found = new HashMap<UUID, Contact>();
        if (accounts.isEmpty()) return found;
        jdbc.sql("""
                select office_phone, mobile, email, room, office_phone_seen, mobile_seen, email_seen, room_seen,
                       account_id
                  from directory.contact where account_id = any (:a)""")
                .param("a", accounts.toArray(UUID[]::new))
                .query((rs, i) -> found.put(rs.getObject(9, UUID.class), contact(rs)))
                .list();
        return found;
    }

    private static Contact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Contact(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Seen.valueOf(rs.getString(5)),
                Seen.valueOf(rs.getString(6)),
                Seen.valueOf(rs.getString(7)),
                Seen.valueOf(rs.getString(8)));
    }

    Optional<Contact> find(UUID account) {
        return jdbc.sql("""
                select office_phone, mobile, email, room, office_phone_seen, mobile_seen, email_seen, room_seen
                  from directory.contact where account_id = :a""")
                .param("a", account)
                .query((rs, i) -> new Contact(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Seen.valueOf(rs.getString(5)),
                        Seen.valueOf(rs.getString(6)),
                        Seen.valueOf(rs.getString(7)),
                        Seen.valueOf(rs.getString(8))))
                .optional();
    }

    void save(UUID account, Contact c) {
        jdbc.sql("""
                insert into directory.contact (account_id, office_phone, mobile, email, room, office_phone_seen,
                       mobile_seen, email_seen, room_seen, updated_at)
                values (:a, :op, :m, :e, :r, :ops, :ms, :es, :rs, now())
                on conflict (account_id) do update set office_phone = excluded.office_phone, mobile = excluded.mobile,
                       email = excluded.email, room = excluded.room, office_phone_seen = excluded.office_phone_seen,
                       mobile_seen = excluded.mobile_seen, email_seen = excluded.email_seen,
                       room_seen = excluded.room_seen, updated_at = excluded.updated_at""")
                .param("a", account)
                .param("op", c.officePhone())
                .param("m", c.mobile())
                .param("e", c.email())
                .param("r", c.room())
                .param("ops", c.officePhoneSeen().name())
                .param("ms", c.mobileSeen().name())
                .param("es", c.emailSeen().name())
                .param("rs", c.roomSeen().name())
                .update();
    }

    /** Whether any official has contact details yet (the demo seeds them once). */
    boolean any() {
        return jdbc.sql("select exists (select 1 from directory.contact)")
                .query(Boolean.class)
                .single();
    }
}
