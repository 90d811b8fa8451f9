package org.tongban.cases.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseStatus;
import org.tongban.platform.FieldProtection;

/**
 * Reads of the {@code cases} schema for lists and views: nothing here changes a case (that is {@link Case} with
 * {@link CaseRepository}). Sealed answers and license data are opened for the reader the use case has checked.
 */
@Component
public class CaseQueries {

    private final CorrectionPoints corrections;

    private final JdbcClient jdbc;
    private final FieldProtection protection;
    private final TimeLimits limits;

    CaseQueries(JdbcClient jdbc, FieldProtection protection, TimeLimits limits, CorrectionPoints corrections) {
        this.corrections = corrections;
        this.jdbc = jdbc;
        this.protection = protection;
        this.limits = limits;
    }

    public Optional<CaseRow> full(String number) {
        return jdbc.sql("select " + CaseRow.COLUMNS + " from cases.case_file where number = :n")
                .param("n", number)
                .query((rs, i) -> CaseRow.read(rs, protection))
                .optional();
    }

    /** The rows for a list (the inbox), by number: without the form answers, which lists never show. */
    public Map<String, CaseRow> listRows(Collection<String> numbers) {
        if (numbers.isEmpty()) return Map.of();
        var found = new HashMap<String, CaseRow>();
        jdbc.sql("select " + CaseRow.LIST_COLUMNS + " from cases.case_file where number = any(:numbers)")
                .param("numbers", numbers.toArray(String[]::new))
                .query((rs, i) -> CaseRow.read(rs, protection))
                .list()
                .forEach(c -> found.put(c.number(), c));
        return found;
    }

    /** The person's own cases (not those filed as an enterprise), newest first. */
    public List<CaseSummary> forApplicant(UUID applicant) {
        return jdbc.sql("""
                select number, item_code, item_version, status, submitted_at from cases.case_file
                 where applicant_id = :a and enterprise_code is null order by submitted_at desc limit 200""").param("a", applicant).query(CaseQueries::summary).list();
    }

    /** The cases filed as this enterprise, by whoever acted for it, newest first. */
    public List<CaseSummary> forEnterprise(String creditCode) {
        return jdbc.sql("""
                select number, item_code, item_version, status, submitted_at from cases.case_file
                 where enterprise_code = :e order by submitted_at desc limit 200""").param("e", creditCode).query(CaseQueries::summary).list();
    }

    private static CaseSummary summary(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CaseSummary(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                CaseStatus.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant());
    }

    /** Open accepted cases of a department (lead or joint) due on or before a day, soonest first. */
    public List<CaseRow> dueBy(String department, LocalDate day, int limit) {
        return jdbc.sql("select " + CaseRow.COLUMNS + " " + """
                 from cases.case_file
                 where concluded_at is null and due_date is not null and warn_date <= :day
                   and (department_code = :d or :d = any(joint_departments))
                 order by due_date, number limit :limit""")
                .param("d", department)
                .param("day", Date.valueOf(day))
                .param("limit", limit)
                .query((rs, i) -> CaseRow.read(rs, protection))
                .list();
    }

    /**
     * The case as its applicant sees it, with the state of its time limit today: the timeline without officials'
     * internal steps and opinions ({@link ApplicantTimeline}).
     */
    public CaseView forApplicant(CaseRow c) {
        var all = view(c);
        return new CaseView(
                all.number(),
                all.itemCode(),
                all.itemVersion(),
                all.departmentCode(),
                all.jointDepartments(),
                all.status(),
                all.formData(),
                all.submittedAt(),
                all.acceptedAt(),
                all.dueDate(),
                all.deadline(),
                all.correctionNote(),
                all.outcome(),
                all.decisionOpinion(),
                all.concludedAt(),
                all.materials(),
                all.pauses(),
                ApplicantTimeline.of(all.steps()),
                all.corrections(),
                all.enterpriseCode(),
                all.enterpriseName());
    }

    /** The case as an official of a taking-part department sees it: every step with its opinion. */
    public CaseView view(CaseRow c) {
        return new CaseView(
                c.number(),
                c.itemCode(),
                c.itemVersion(),
                c.departmentCode(),
                c.jointDepartments(),
                c.status(),
                c.form(),
                c.submittedAt(),
                c.acceptedAt(),
                c.dueDate(),
                limits.state(c),
                c.correctionNote(),
                c.outcome(),
                c.decisionOpinion(),
                c.concludedAt(),
                materials(c.number()),
                pauses(c.number()),
                steps(c.number()),
                c.status() == org.tongban.cases.CaseStatus.CORRECTION_REQUESTED
                        ? corrections.open(c.number())
                        : List.of(),
                c.enterpriseCode(),
                c.enterpriseName());
    }

    private List<CaseStepView> steps(String number) {
        return jdbc.sql("select step, department, opinion, at from cases.case_step where number = :n order by id")
                .param("n", number)
                .query((rs, i) -> new CaseStepView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private List<PauseView> pauses(String number) {
        return jdbc.sql("""
                select kind, reason, started_at, ended_at, result, paused_days from cases.case_pause
                 where number = :n order by id""")
                .param("n", number)
                .query((rs, i) -> new PauseView(
                        PauseKind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        CaseRow.instant(rs.getTimestamp(4)),
                        rs.getString(5),
                        (Integer) rs.getObject(6)))
                .list();
    }

    public List<CaseMaterialView> materials(String number) {
        return jdbc.sql("""
                select m.seq, m.name, m.kind, m.upload_id, u.file_name, u.content_type, u.size, m.licence_id, m.licence_data,
                       m.licence_data_sealed
                  from cases.case_material m left join cases.upload u on u.id = m.upload_id
                 where m.number = :n order by m.seq""")
                .param("n", number)
                .query((rs, i) -> new CaseMaterialView(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        (Integer) rs.getObject(7),
                        rs.getString(8),
                        rs.getBytes(10) == null
                                ? rs.getString(9)
                                : protection.decrypt(
                                        rs.getBytes(10), SealedPlaces.licenseDataPlace(number, rs.getInt(1)))))
                .list();
    }
}
