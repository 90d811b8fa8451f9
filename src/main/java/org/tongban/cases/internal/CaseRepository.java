package org.tongban.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseStatus;
import org.tongban.platform.FieldProtection;

/**
 * Loads and saves {@link Case} aggregates in {@code cases.case_file} with their pauses and timeline, and files new
 * cases. Saving writes the changes a case's transitions noted, each with the statement it always had: a status
 * change, acceptance and new answers count in the row's {@code version}, the rest does not. Form answers are sealed
 * with {@link FieldProtection}, bound to their row.
 */
@Component
public class CaseRepository {

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    CaseRepository(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Locks the case row for a change (two officials acting at once take turns); not found unless {@code involved}. */
    public Case lock(String number, String department) {
        return load(number, true)
                .filter(c -> c.row().involves(department))
                .map(c -> new Case(c.row(), c.pause()))
                .orElseThrow(() -> new CaseNotFoundException(number));
    }

    /** Locks one of the applicant's own cases for a change; another person's case is not found. */
    public Case lockOwn(String number, UUID applicant) {
        return load(number, true)
                .filter(c -> c.row().applicant().equals(applicant))
                .map(c -> new Case(c.row(), c.pause()))
                .orElseThrow(() -> new CaseNotFoundException(number));
    }

    /** The case without a lock (the process's reminders, which only flag it). */
    public Optional<Case> find(String number) {
        return load(number, false).map(c -> new Case(c.row(), c.pause()));
    }

    /** The case of a row already read, with its open pause, to ask what it allows (not to change it). */
    public Case of(CaseRow row) {
        return new Case(row, openPause(row.number()).orElse(null));
    }

    private record Loaded(CaseRow row, Case.@Nullable Pause pause) {}

    private Optional<Loaded> load(String number, boolean forUpdate) {
        return jdbc.sql("select " + CaseRow.COLUMNS + " from cases.case_file where number = :n"
                        + (forUpdate ? " for update" : ""))
                .param("n", number)
                .query((rs, i) -> CaseRow.read(rs, protection))
                .optional()
                .map(row -> new Loaded(row, openPause(number).orElse(null)));
    }

    private Optional<Case.Pause> openPause(String number) {
        return jdbc.sql(
                        "select id, kind, resume_status, started_at from cases.case_pause where number = :n and ended_at is null")
                .param("n", number)
                .query((rs, i) -> new Case.Pause(
                        rs.getLong(1),
                        PauseKind.valueOf(rs.getString(2)),
                        CaseStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Writes what the case's transitions changed, in order, in the caller's transaction. */
    public void save(Case kase) {
        var number = kase.number();
        for (var change : kase.changes()) {
            switch (change) {
                case Case.Change.Moved m ->
                    jdbc.sql("update cases.case_file set status = :s, version = version + 1 where number = :n")
                            .param("s", m.status().name())
                            .param("n", number)
                            .update();
                case Case.Change.Accepted a ->
                    jdbc.sql("""
                        update cases.case_file set accepted_at = :at, limit_days = :days, limit_unit = :unit, warn_date = :warn,
                               due_date = :due, version = version + 1
                         where number = :n""")
                            .param("at", Timestamp.from(a.at()))
                            .param("days", a.limitDays())
                            .param("unit", a.unit())
                            .param("warn", Date.valueOf(a.warn()))
                            .param("due", Date.valueOf(a.due()))
                            .param("n", number)
                            .update();
                case Case.Change.CorrectionNoted c ->
                    jdbc.sql("update cases.case_file set correction_note = :note where number = :n")
                            .param("note", c.note())
                            .param("n", number)
                            .update();
                case Case.Change.FormReplaced f ->
                    jdbc.sql(
                                    "update cases.case_file set form_sealed = :form, form_data = null, version = version + 1 where number = :n")
                            .param("form", sealForm(f.form(), number))
                            .param("n", number)
                            .update();
                case Case.Change.Concluded c ->
                    jdbc.sql("""
                        update cases.case_file set outcome = :o, decision_opinion = :op, decided_by = :by, concluded_at = :at,
                               paused_since = null
                         where number = :n""")
                            .param("o", c.outcome())
                            .param("op", c.opinion())
                            .param("by", c.by())
                            .param("at", Timestamp.from(c.at()))
                            .param("n", number)
                            .update();
                case Case.Change.PauseStarted p -> {
                    jdbc.sql("""
                            insert into cases.case_pause (number, kind, reason, resume_status, started_at, started_by)
                            values (:n, :k, :r, :resume, :at, :by)""")
                            .param("n", number)
                            .param("k", p.kind().name())
                            .param("r", p.reason())
                            .param("resume", p.resumeStatus().name())
                            .param("at", Timestamp.from(p.at()))
                            .param("by", p.by())
                            .update();
                    jdbc.sql("update cases.case_file set paused_since = :at where number = :n")
                            .param("at", Timestamp.from(p.at()))
                            .param("n", number)
                            .update();
                }
                case Case.Change.PauseEnded p -> endPause(number, p);
                case Case.Change.Flagged f ->
                    jdbc.sql("update cases.case_file set " + (f.overdue() ? "overdue_notified" : "warned")
                                    + " = true where number = :n")
                            .param("n", number)
                            .update();
                case Case.Change.Stepped s -> step(number, s.step(), s.actor(), s.department(), s.opinion());
            }
        }
        kase.changes().clear();
    }

    private void endPause(String number, Case.Change.PauseEnded p) {
        jdbc.sql("update cases.case_pause set ended_at = :at, result = :r, paused_days = :d where id = :id")
                .param("at", Timestamp.from(p.at()))
                .param("r", p.result())
                .param("d", p.days())
                .param("id", p.id())
                .update();
        jdbc.sql("""
                update cases.case_file set paused_since = null, warn_date = :warn, due_date = :due, warned = false,
                       overdue_notified = false
                 where number = :n""")
                .param("warn", Date.valueOf(p.warn()))
                .param("due", Date.valueOf(p.due()))
                .param("n", number)
                .update();
    }

    // Filing

    /**
     * The next number of an item's sequence for a day. The upsert takes a row lock, so two submissions at once get
     * two numbers, never the same one.
     */
    public int nextSequence(String itemCode, LocalDate day) {
        return jdbc.sql("""
                insert into cases.case_sequence (item_code, day, last) values (:item, :day, 1)
                on conflict (item_code, day) do update set last = cases.case_sequence.last + 1
                returning last""")
                .param("item", itemCode)
                .param("day", Date.valueOf(day))
                .query(Integer.class)
                .single();
    }

    public Optional<String> numberFor(UUID applicant, String idempotencyKey) {
        return jdbc.sql("select number from cases.case_file where applicant_id = :a and idempotency_key = :k")
                .param("a", applicant)
                .param("k", idempotencyKey)
                .query(String.class)
                .optional();
    }

    /** Inserts the case as {@code SUBMITTED} (filed as the enterprise when one is named); false when the same applicant and key won a race a moment earlier. */
    public boolean insert(
            String number,
            String itemCode,
            int itemVersion,
            String department,
            List<String> joint,
            String processKey,
            UUID applicant,
            String idempotencyKey,
            Map<String, String> form,
            @Nullable String enterpriseCode,
            @Nullable String enterpriseName,
            @Nullable UUID actedBy,
            Instant at) {
        return jdbc.sql("""
                insert into cases.case_file (number, item_code, item_version, department_code, joint_departments,
                       process_key, applicant_id, idempotency_key, status, form_sealed, submitted_at,
                       enterprise_code, enterprise_name, acted_by)
                values (:n, :item, :v, :d, :joint, :process, :a, :k, :status, :form, :at, :ec, :en, :by)
                on conflict (applicant_id, idempotency_key) do nothing""")
                        .param("n", number)
                        .param("item", itemCode)
                        .param("v", itemVersion)
                        .param("d", department)
                        .param("joint", joint.toArray(String[]::new))
                        .param("process", processKey)
                        .param("a", applicant)
                        .param("k", idempotencyKey)
                        .param("status", CaseStatus.SUBMITTED.name())
                        .param("form", sealForm(form, number))
                        .param("at", Timestamp.from(at))
                        .param("ec", enterpriseCode)
                        .param("en", enterpriseName)
                        .param("by", actedBy)
                        .update()
                == 1;
    }

    /** The relative who filed the case for its applicant (亲友代办, ADR 0043), if one did. */
    public Optional<UUID> actedBy(String number) {
        return jdbc.sql("select acted_by from cases.case_file where number = :n and acted_by is not null")
                .param("n", number)
                .query(UUID.class)
                .optional();
    }

    /** Appends a step to the case's timeline (the first, {@code SUBMITTED}; the rest come from {@link #save}). */
    public void step(
            String number, String step, @Nullable String actor, @Nullable String department, @Nullable String opinion) {
        jdbc.sql("""
                insert into cases.case_step (number, step, actor, department, opinion, at)
                values (:n, :s, :a, :d, :o, clock_timestamp())""")
                .param("n", number)
                .param("s", step)
                .param("a", actor)
                .param("d", department)
                .param("o", opinion)
                .update();
    }

    /** Whether the actor recorded one of these steps on the case (for separation of duties). */
    public boolean actedAs(String number, String actor, Collection<String> steps) {
        return jdbc.sql(
                        "select exists (select 1 from cases.case_step where number = :n and actor = :a and step in (:s))")
                .param("n", number)
                .param("a", actor)
                .param("s", steps)
                .query(Boolean.class)
                .single();
    }

    /** Whether the official accepted or reviewed the case, and so may not decide it (审批分离). */
    public boolean actedBefore(String number, String official) {
        return actedAs(number, official, Case.PRIOR_DUTIES);
    }

    private byte[] sealForm(Map<String, String> form, String number) {
        return protection.encrypt(SealedPlaces.json(form), SealedPlaces.formPlace(number));
    }
}
