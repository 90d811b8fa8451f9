package org.tongban.ratings.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.cases.CaseConcluded;
import org.tongban.ratings.RateCase;
import org.tongban.ratings.RatingStatistics;
import org.tongban.ratings.RatingView;
import org.tongban.ratings.RectificationSummary;
import org.tongban.ratings.RectificationView;

/** The {@code ratings} schema. Every statement joins the caller's transaction. */
@Repository
public class RatingStore {

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a concluded case as rateable; false when it was already recorded (a redelivered event). */
    public boolean recordConcluded(CaseConcluded e) {
        return jdbc.sql("""
                insert into ratings.rateable_case (case_number, applicant_id, item_code, item_name_zh, item_name_en,
                       department_code, department_zh, department_en, outcome, concluded_at, recorded_at)
                values (:number, :applicant, :item, :itemZh, :itemEn, :dept, :deptZh, :deptEn, :outcome, :at, now())
                on conflict (case_number) do nothing""")
                        .param("number", e.number())
                        .param("applicant", e.applicant())
                        .param("item", e.itemCode())
                        .param("itemZh", e.itemNameZh())
                        .param("itemEn", e.itemNameEn())
                        .param("dept", e.departmentCode())
                        .param("deptZh", e.departmentZh())
                        .param("deptEn", e.departmentEn())
                        .param("outcome", e.outcome())
                        .param("at", Timestamp.from(e.concludedAt()))
                        .update()
                == 1;
    }

    /** A rateable case of one applicant, with its rating and rectification if any. */
    public Optional<RatingView> forApplicant(String number, UUID applicant) {
        return jdbc.sql("""
                select c.*, r.level, r.overall, r.efficiency, r.guide_accuracy, r.convenience, r.usability, r.comment,
                       r.rated_at, x.status, x.deadline, x.response, x.responded_at, x.closed_at
                  from ratings.rateable_case c
                  left join ratings.rating r on r.case_number = c.case_number
                  left join ratings.rectification x on x.case_number = c.case_number
                 where c.case_number = :number and c.applicant_id = :applicant""")
                .param("number", number)
                .param("applicant", applicant)
                .query((rs, i) -> new RatingView(
                        rs.getString("case_number"),
                        rs.getString("item_code"),
                        rs.getString("item_name_zh"),
                        rs.getString("item_name_en"),
                        rs.getString("department_code"),
                        rs.getString("department_zh"),
                        rs.getString("department_en"),
                        rs.getString("outcome"),
                        at(rs, "concluded_at"),
                        rs.getObject("level") == null ? null : scores(rs),
                        rs.getString("status") == null
                                ? null
                                : new RatingView.Answer(
                                        rs.getString("status"),
                                        rs.getDate("deadline").toLocalDate(),
                                        rs.getString("response"),
                                        instant(rs, "responded_at"),
                                        instant(rs, "closed_at"))))
                .optional();
    }

    /** The item and department of a rateable case, for the rating's event. */
    public Optional<String[]> itemAndDepartment(String number) {
        return jdbc.sql("select item_code, department_code from ratings.rateable_case where case_number = :n")
                .param("n", number)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    /** Stores a rating; false when the case was rated already (also by a concurrent request). */
    public boolean rate(RateCase rating, Instant at) {
        return jdbc.sql("""
                insert into ratings.rating (case_number, rater_id, level, overall, efficiency, guide_accuracy,
                       convenience, usability, comment, rated_at)
                values (:number, :rater, :level, :overall, :efficiency, :guide, :convenience, :usability, :comment, :at)
                on conflict (case_number) do nothing""")
                        .param("number", rating.caseNumber())
                        .param("rater", rating.rater())
                        .param("level", rating.level())
                        .param("overall", rating.overall())
                        .param("efficiency", rating.efficiency())
                        .param("guide", rating.guideAccuracy())
                        .param("convenience", rating.convenience())
                        .param("usability", rating.usability())
                        .param("comment", rating.comment())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public void openRectification(UUID id, String number, String department, Instant at, LocalDate deadline) {
        jdbc.sql("""
                insert into ratings.rectification (id, case_number, department_code, status, opened_at, deadline)
                values (:id, :number, :dept, 'OPEN', :at, :deadline)""")
                .param("id", id)
                .param("number", number)
                .param("dept", department)
                .param("at", Timestamp.from(at))
                .param("deadline", Date.valueOf(deadline))
                .update();
    }

    /** The department's open rectifications, the nearest deadline first. */
    public List<RectificationSummary> openOf(String department, LocalDate today) {
        return jdbc.sql("""
                select x.id, x.case_number, c.item_code, c.item_name_zh, c.item_name_en, r.level, x.opened_at,
                       x.deadline, x.status, x.response is not null as responded
                  from ratings.rectification x
                  join ratings.rating r on r.case_number = x.case_number
                  join ratings.rateable_case c on c.case_number = x.case_number
                 where x.department_code = :dept and x.status = 'OPEN'
                 order by x.deadline, x.opened_at""")
                .param("dept", department)
                .query((rs, i) -> {
                    var deadline = rs.getDate("deadline").toLocalDate();
                    return new RectificationSummary(
                            rs.getObject("id", UUID.class),
                            rs.getString("case_number"),
                            rs.getString("item_code"),
                            rs.getString("item_name_zh"),
                            rs.getString("item_name_en"),
                            rs.getInt("level"),
                            at(rs, "opened_at"),
                            deadline,
                            rs.getString("status"),
                            deadline.isBefore(today),
                            rs.getBoolean("responded"));
                })
                .list();
    }

    /** One rectification of the department, with its follow-ups; empty for another department's. */
    /** The applicant of the case a rectification of this department is about; empty for another department's. */
    public Optional<UUID> applicantOf(UUID rectification, String department) {
        return jdbc.sql("""
                select c.applicant_id from ratings.rectification x
                  join ratings.rateable_case c on c.case_number = x.case_number
                 where x.id = :id and x.department_code = :dept""")
                .param("id", rectification)
                .param("dept", department)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .optional();
    }

    public Optional<RectificationView> ofDepartment(UUID id, String department, LocalDate today) {
        var followUps = jdbc.sql("""
                select note, official_id, at from ratings.follow_up where rectification_id = :id order by id""")
                .param("id", id)
                .query((rs, i) -> new RectificationView.FollowUp(
                        rs.getString("note"),
                        rs.getObject("official_id", UUID.class).toString(),
                        at(rs, "at")))
                .list();
        return jdbc.sql("""
                select x.*, c.item_code, c.item_name_zh, c.item_name_en, c.outcome, c.concluded_at, r.level, r.overall,
                       r.efficiency, r.guide_accuracy, r.convenience, r.usability, r.comment, r.rated_at
                  from ratings.rectification x
                  join ratings.rating r on r.case_number = x.case_number
                  join ratings.rateable_case c on c.case_number = x.case_number
                 where x.id = :id and x.department_code = :dept""")
                .param("id", id)
                .param("dept", department)
                .query((rs, i) -> {
                    var deadline = rs.getDate("deadline").toLocalDate();
                    var status = rs.getString("status");
                    return new RectificationView(
                            id,
                            rs.getString("case_number"),
                            rs.getString("item_code"),
                            rs.getString("item_name_zh"),
                            rs.getString("item_name_en"),
                            rs.getString("department_code"),
                            rs.getString("outcome"),
                            at(rs, "concluded_at"),
                            scores(rs),
                            at(rs, "opened_at"),
                            deadline,
                            status,
                            status.equals("OPEN") && deadline.isBefore(today),
                            rs.getString("response"),
                            instant(rs, "responded_at"),
                            instant(rs, "closed_at"),
                            followUps);
                })
                .optional();
    }

    /** The applicant of the case a rectification is about. */
    public UUID applicantOf(UUID rectification) {
        return jdbc.sql("""
                select c.applicant_id from ratings.rectification x
                  join ratings.rateable_case c on c.case_number = x.case_number where x.id = :id""").param("id", rectification).query(UUID.class).single();
    }

    public void followUp(UUID rectification, String note, UUID official, Instant at) {
        jdbc.sql("""
                insert into ratings.follow_up (rectification_id, note, official_id, at) values (:id, :note, :official, :at)""")
                .param("id", rectification)
                .param("note", note)
                .param("official", official)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Records the department's response on an open rectification; false when it is no longer open. */
    public boolean respond(UUID rectification, String response, UUID official, Instant at) {
        return jdbc.sql("""
                update ratings.rectification set response = :response, responded_at = :at, responded_by = :official
                 where id = :id and status = 'OPEN'""")
                        .param("id", rectification)
                        .param("response", response)
                        .param("official", official)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Closes an open rectification that has a response; false otherwise. */
    public boolean close(UUID rectification, UUID official, Instant at) {
        return jdbc.sql("""
                update ratings.rectification set status = 'CLOSED', closed_at = :at, closed_by = :official
                 where id = :id and status = 'OPEN' and response is not null""")
                        .param("id", rectification)
                        .param("official", official)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public List<RatingStatistics.Row> byDepartment(LocalDate today) {
        return statistics("c.department_code", "c.department_zh", "c.department_en", today);
    }

    public List<RatingStatistics.Row> byItem(LocalDate today) {
        return statistics("c.item_code", "c.item_name_zh", "c.item_name_en", today);
    }

    // The grouping columns are one of two fixed sets chosen above, never request input.
    private List<RatingStatistics.Row> statistics(String code, String zh, String en, LocalDate today) {
        return jdbc.sql("""
                select %1$s as code, min(%2$s) as name_zh, min(%3$s) as name_en, count(*) as ratings,
                       avg(r.level) as average, avg(case when r.level <= 2 then 1.0 else 0.0 end) as bad_share,
                       count(x.id) filter (where x.status = 'OPEN') as open,
                       count(x.id) filter (where x.status = 'OPEN' and x.deadline < :today) as overdue
                  from ratings.rating r
                  join ratings.rateable_case c on c.case_number = r.case_number
                  left join ratings.rectification x on x.case_number = r.case_number
                 group by %1$s
                 order by bad_share desc, ratings desc, code""".formatted(code, zh, en))
                .param("today", Date.valueOf(today))
                .query((rs, i) -> new RatingStatistics.Row(
                        rs.getString("code"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getLong("ratings"),
                        rs.getDouble("average"),
                        rs.getDouble("bad_share"),
                        rs.getLong("open"),
                        rs.getLong("overdue")))
                .list();
    }

    private static RatingView.Scores scores(ResultSet rs) throws SQLException {
        return new RatingView.Scores(
                rs.getInt("level"),
                rs.getInt("overall"),
                rs.getObject("efficiency", Integer.class),
                rs.getObject("guide_accuracy", Integer.class),
                rs.getObject("convenience", Integer.class),
                rs.getObject("usability", Integer.class),
                rs.getString("comment"),
                at(rs, "rated_at"));
    }

    /** A time the table declares not null. */
    private static Instant at(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
