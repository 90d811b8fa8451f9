package org.tongban.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.ActorDirectory;
import org.tongban.shared.Masking;

/**
 * Names the accounts of the audit trail for the auditor: staff (officials, department admins, the manager, the
 * operator, the auditor) in full, since the trail is about what they did in office; citizens and enterprise users
 * masked (张*), since the auditor has no need to know them by name. A department that is an event's object is named
 * as the organisation register names it.
 */
@Component
class TrailActors implements ActorDirectory {

    private final JdbcClient jdbc;

    TrailActors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<String> ids, Locale locale) {
        var accounts = new ArrayList<UUID>();
        var others = new ArrayList<String>();
        for (var id : ids) {
            try {
                var uuid = UUID.fromString(id);
                if (uuid.toString().equals(id)) accounts.add(uuid);
                else others.add(id);
            } catch (IllegalArgumentException e) {
                others.add(id); // a department's code, a case number, a license identifier, …
            }
        }
        var names = new HashMap<String, String>();
        if (!others.isEmpty()) {
            var english = locale.getLanguage().equals("en");
            jdbc.sql(
                            "select code, name_zh, coalesce(name_en, name_zh) as name_en from identity.org_unit where code = any(:codes)")
                    .param("codes", others.toArray(String[]::new))
                    .query(rs -> {
                        names.put(rs.getString("code"), rs.getString(english ? "name_en" : "name_zh"));
                    });
        }
        if (accounts.isEmpty()) return names;
        jdbc.sql("""
                select a.id, p.name,
                       bool_or(r.role is not null and r.role not in ('CITIZEN', 'ENTERPRISE_USER')) as staff
                  from identity.account a join identity.person p on p.id = a.person_id
                  left join identity.account_role r on r.account_id = a.id
                 where a.id = any(:ids)
                 group by a.id, p.name""").param("ids", accounts.toArray(UUID[]::new)).query(rs -> {
            var name = rs.getString("name");
            names.put(rs.getString("id"), rs.getBoolean("staff") ? name : Masking.name(name));
        });
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> accountOf(String loginName) {
        return jdbc.sql("select id from identity.account where login_name = :l")
                .param("l", loginName.toLowerCase(Locale.ROOT))
                .query((rs, i) -> rs.getString(1))
                .optional();
    }
}
