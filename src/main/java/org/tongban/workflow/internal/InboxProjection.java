package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.workflow.TaskSummary;

/**
 * The officials' inbox as a table of its own, {@code workflow.task_inbox} (ADR 0005): a row per open task and
 * candidate department, written by triggers on the engine's {@code ACT_RU_IDENTITYLINK} (a candidate group added to
 * or removed from a task) and {@code ACT_RU_TASK} (claimed, renamed, deleted), in the engine's own transaction.
 * The triggers are installed once the engine has created its tables (ADR 0003), and on first installation the table
 * is filled from the open tasks. A department's queue is then one range of an index, however many tasks the
 * installation holds.
 */
@Component
public class InboxProjection implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(InboxProjection.class);
    /** What a row holds, from the task (t) and its process instance (e), for a candidate group g. */
    private static final String ROW = """
            t.id_, %s, case when t.form_key_ = 'cosign' then 'cosign' else coalesce(t.task_def_key_, '') end, t.name_,
            t.assignee_, t.create_time_, coalesce((select e.business_key_ from workflow.act_ru_execution e
                                                   where e.id_ = t.proc_inst_id_), t.category_)""";

    private static final String[] TRIGGERS = {
        """
            create or replace function workflow.task_inbox_link_added() returns trigger language plpgsql as $$
            begin
              insert into workflow.task_inbox (task_id, department, step, name, assignee, created_at, business_key)
              select %s from workflow.act_ru_task t where t.id_ = new.task_id_
              on conflict (task_id, department) do nothing;
              return null;
            end $$""".formatted(ROW.formatted("new.group_id_")), """
            create or replace function workflow.task_inbox_link_removed() returns trigger language plpgsql as $$
            begin
              delete from workflow.task_inbox where task_id = old.task_id_ and department = old.group_id_;
              return null;
            end $$""", """
            create or replace function workflow.task_inbox_task_changed() returns trigger language plpgsql as $$
            begin
              update workflow.task_inbox set assignee = new.assignee_, name = new.name_ where task_id = new.id_;
              return null;
            end $$""", """
            create or replace function workflow.task_inbox_task_removed() returns trigger language plpgsql as $$
            begin
              delete from workflow.task_inbox where task_id = old.id_;
              return null;
            end $$""", """
            create or replace trigger task_inbox_link_added after insert on workflow.act_ru_identitylink for each row
              when (new.type_ = 'candidate' and new.group_id_ is not null and new.task_id_ is not null)
              execute function workflow.task_inbox_link_added()""", """
            create or replace trigger task_inbox_link_removed after delete on workflow.act_ru_identitylink for each row
              when (old.type_ = 'candidate' and old.group_id_ is not null and old.task_id_ is not null)
              execute function workflow.task_inbox_link_removed()""", """
            create or replace trigger task_inbox_task_changed after update on workflow.act_ru_task for each row
              when (old.assignee_ is distinct from new.assignee_ or old.name_ is distinct from new.name_)
              execute function workflow.task_inbox_task_changed()""", """
            create or replace trigger task_inbox_task_removed after delete on workflow.act_ru_task for each row
              execute function workflow.task_inbox_task_removed()"""
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    /** Takes the engine so that its tables exist before the triggers are installed. */
    InboxProjection(JdbcClient jdbc, TransactionTemplate tx, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.task-inbox'))")
                    .query()
                    .singleValue();
            boolean installed = jdbc.sql("""
                    select exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                                    join pg_namespace n on n.oid = c.relnamespace
                                   where n.nspname = 'workflow' and g.tgname = 'task_inbox_link_added')""").query(Boolean.class).single();
            for (var ddl : TRIGGERS) jdbc.sql(ddl).update();
            if (!installed) {
                // Creating the triggers locked the engine's tables until commit: nothing slips between fill and
                // triggers.
                int rows = jdbc.sql("""
                        insert into workflow.task_inbox (task_id, department, step, name, assignee, created_at, business_key)
                        select %s from workflow.act_ru_identitylink l join workflow.act_ru_task t on t.id_ = l.task_id_
                         where l.type_ = 'candidate' and l.group_id_ is not null
                        on conflict (task_id, department) do nothing""".formatted(ROW.formatted("l.group_id_"))).update();
                log.info("Officials' inbox filled from the engine's open tasks: {} rows", rows);
            }
        });
    }

    /** Open tasks of a department, oldest first, optionally at one step, claimed by one official, or unclaimed. */
    public List<TaskSummary> page(
            String department, @Nullable String step, @Nullable String assignee, boolean unclaimedOnly, int limit) {
        var sql = new StringBuilder("""
                select task_id, business_key, step, name, department, assignee, created_at from workflow.task_inbox
                 where department = :department""");
        var params = new LinkedHashMap<String, Object>();
        params.put("department", department);
        if (step != null && !step.isBlank()) {
            sql.append(" and step = :step");
            params.put("step", step);
        }
        if (assignee != null && !assignee.isBlank()) {
            sql.append(" and assignee = :assignee");
            params.put("assignee", assignee);
        } else if (unclaimedOnly) {
            sql.append(" and assignee is null");
        }
        sql.append(" order by created_at, task_id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new TaskSummary(
                        rs.getString(1),
                        rs.getString(2) == null ? "" : rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** How many open tasks of the department wait at each of these steps. */
    public Map<String, Long> counts(String department, List<String> steps) {
        var counts = new LinkedHashMap<String, Long>();
        for (var step : steps) counts.put(step, 0L);
        jdbc.sql(
                        "select step, count(*) from workflow.task_inbox where department = :department and step = any(:steps) group by step")
                .param("department", department)
                .param("steps", new ArrayList<>(steps).toArray(String[]::new))
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /**
     * How many open tasks wait at the department for this official: unclaimed, or claimed by her; read up to
     * {@code cap} rows of the queue's index, so that a department with a million tasks costs as much as one with
     * {@code cap} (the unified to-do shows "999+", ADR 0040).
     */
    public long waitingFor(String department, String official, int cap) {
        // Two ranges, each of its own index and each cut to the cap (written into the statement, so that the plan
        // knows it): "unclaimed or mine" as one condition may be planned as a bitmap over the whole department.
        return jdbc.sql("""
                        select count(*) from (
                          (select 1 from workflow.task_inbox where department = :department and assignee is null
                            order by created_at, task_id limit %1$d)
                          union all
                          (select 1 from workflow.task_inbox where department = :department and assignee = :official
                            order by created_at, task_id limit %1$d)) x""".formatted(cap))
                .param("department", department)
                .param("official", official)
                .query(Long.class)
                .single();
    }
}
