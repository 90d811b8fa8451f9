package org.tongban.documents.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders of each department, who sign (签发) and instruct (批办). Identity knows roles and posts but no leader,
 * so this module keeps the narrowest thing itself: a list of accounts per department (ADR 0028). The demo data
 * names them; an account that is no longer an official of the department does not sign, whatever the list says.
 */
@Component
class Leaders {

    private final JdbcClient jdbc;

    Leaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    boolean isLeader(String department, UUID account) {
        return jdbc.sql("select count(*) from documents.leader where department = :d and account_id = :a")
                        .param("d", department)
                        .param("a", account)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    List<UUID> of(String department) {
        return jdbc.sql("select account_id from documents.leader where department = :d")
                .param("d", department)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Transactional
    void appoint(String department, UUID account) {
        jdbc.sql("insert into documents.leader (department, account_id) values (:d, :a) on conflict do nothing")
                .param("d", department)
                .param("a", account)
                .update();
    }
}
