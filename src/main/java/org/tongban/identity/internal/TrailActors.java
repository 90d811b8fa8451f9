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
 * masked (张*), since the auditor has no need to know them by name.
 */
@Component
class TrailActors implements ActorDirectory {

    private final JdbcClient jdbc;

    TrailActors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<String> ids) {
        var accounts = new ArrayList<UUID>();
        for (var id : ids) {
            try {
                var uuid = UUID.fromString(id);
                if (uuid.toString().equals(id)) accounts.add(uuid);
            } catch (IllegalArgumentException e) {
                // not an account id (a case number, a license identifier, …)
            }
        }
        var names = new HashMap<String, String>();
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
