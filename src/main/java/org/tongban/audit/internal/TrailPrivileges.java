package org.tongban.audit.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks, once the migrations have run, that the application's own login cannot rewrite the trail: no superuser, not
 * the table's owner, no update, delete or truncate on it (ADR 0014). The production profile refuses to start
 * otherwise; other profiles warn, since a benchmark may run as the owner on purpose.
 */
@Component
class TrailPrivileges implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TrailPrivileges.class);
    private final JdbcClient jdbc;
    private final Environment environment;

    TrailPrivileges(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var problems = problems();
        if (problems.isEmpty()) return;
        var text = "The application's database login can rewrite the audit trail: " + String.join("; ", problems)
                + ". Connect as tongban_app and migrate as the owner (ADR 0014).";
        if (environment.acceptsProfiles(Profiles.of("production"))) throw new IllegalStateException(text);
        log.warn(text);
    }

    List<String> problems() {
        return jdbc.sql("""
                select current_user, r.rolsuper, t.tableowner = current_user,
                       has_table_privilege('audit.audit_event', 'UPDATE'), has_table_privilege('audit.audit_event', 'DELETE'),
                       has_table_privilege('audit.audit_event', 'TRUNCATE')
                  from pg_roles r, pg_tables t
                 where r.rolname = current_user and t.schemaname = 'audit' and t.tablename = 'audit_event'""")
                .query((rs, i) -> {
                    var found = new ArrayList<String>();
                    var user = rs.getString(1);
                    if (rs.getBoolean(2)) found.add(user + " is a superuser");
                    if (rs.getBoolean(3)) found.add(user + " owns audit.audit_event");
                    if (rs.getBoolean(4)) found.add(user + " may update it");
                    if (rs.getBoolean(5)) found.add(user + " may delete from it");
                    if (rs.getBoolean(6)) found.add(user + " may truncate it");
                    return List.copyOf(found);
                })
                .single();
    }
}
