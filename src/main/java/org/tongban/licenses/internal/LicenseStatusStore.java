package org.tongban.licenses.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.licenses.LicenseStatus;

/**
 * The statuses in the {@code licenses.license} register: changes with their {@code licenses.status_change} history,
 * the daily expiry, and what the published status list needs. Beside {@link LicenseStore}, which keeps the rows
 * themselves. Every statement joins the caller's transaction.
 */
@Repository
public class LicenseStatusStore {

    private final JdbcClient jdbc;

    LicenseStatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves a license from one status to another; false when it is no longer in {@code from}. */
    public boolean changeStatus(
            long id, LicenseStatus from, LicenseStatus to, String reason, String actor, Instant at) {
        int n = jdbc.sql("""
                update licenses.license set status = :to, status_reason = :reason, status_changed_at = :at
                 where id = :id and status = :from""")
                .param("id", id)
                .param("from", from.name())
                .param("to", to.name())
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
        if (n == 1) {
            jdbc.sql("""
                    insert into licenses.status_change (license_id, from_status, to_status, reason, actor, at)
                    values (:id, :from, :to, :reason, :actor, :at)""")
                    .param("id", id)
                    .param("from", from.name())
                    .param("to", to.name())
                    .param("reason", reason)
                    .param("actor", actor)
                    .param("at", Timestamp.from(at))
                    .update();
        }
        return n == 1;
    }

    /** A license's status changes, oldest first. */
    public List<String[]> history(long id) {
        return jdbc.sql(
                        "select from_status, to_status, reason, actor, at from licenses.status_change where license_id = :id order by id")
                .param("id", id)
                .query((rs, i) -> new String[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant().toString()
                })
                .list();
    }

    /**
     * Marks valid licenses whose last day is before {@code today} as expired, with their history; returns how many.
     * One statement: the sweep must not read millions of rows into memory.
     */
    public int expire(LocalDate today, Instant at) {
        return jdbc.sql("""
                with ended as (
                    update licenses.license set status = 'EXPIRED', status_reason = 'licenses.reason.expired',
                           status_changed_at = :at
                     where status = 'VALID' and valid_to is not null and valid_to < :today
                    returning id)
                insert into licenses.status_change (license_id, from_status, to_status, reason, actor, at)
                select id, 'VALID', 'EXPIRED', 'licenses.reason.expired', 'system', :at from ended""")
                .param("today", java.sql.Date.valueOf(today))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The highest license id issued so far (the status list covers 0 … this). */
    public long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from licenses.license")
                .query(Long.class)
                .single();
    }

    /** Every license whose status is not plainly valid today: the non-zero entries of the status list. */
    public void notValid(LocalDate today, java.util.function.ObjLongConsumer<LicenseStatus> sink) {
        jdbc.sql("""
                select id, status from licenses.license where status <> 'VALID'
                union all
                select id, 'EXPIRED' from licenses.license where status = 'VALID' and valid_to is not null and valid_to < :today""").param("today", java.sql.Date.valueOf(today)).query((ResultSet rs) -> {
            sink.accept(LicenseStatus.valueOf(rs.getString(2)), rs.getLong(1));
        });
    }
}
