package org.tongban.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The points of each case's open correction request (补正), in the order the official picked them. */
@Component
public class CorrectionPoints {

    private final JdbcClient jdbc;

    CorrectionPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open request's points; empty when none is open, or when it was asked before requests had points. */
    public List<CorrectionPointView> open(String number) {
        return jdbc.sql("""
                select kind, target, label_zh, label_en, reason from cases.correction_point
                 where case_number = :n and answered_at is null order by id""")
                .param("n", number)
                .query((rs, i) -> new CorrectionPointView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Records a new request's points; any points still open (there should be none) are closed first. */
    public void request(String number, List<CorrectionPointView> points, String by, Instant at) {
        answer(number, at);
        for (var p : points) {
            jdbc.sql("""
                    insert into cases.correction_point
                        (case_number, kind, target, label_zh, label_en, reason, requested_by, requested_at)
                    values (:n, :k, :t, :zh, :en, :r, :by, :at)""")
                    .param("n", number)
                    .param("k", p.kind())
                    .param("t", p.target())
                    .param("zh", p.labelZh())
                    .param("en", p.labelEn())
                    .param("r", p.reason())
                    .param("by", by)
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    /** The applicant handed the correction in: the open points are answered. */
    public void answer(String number, Instant at) {
        jdbc.sql("update cases.correction_point set answered_at = :at where case_number = :n and answered_at is null")
                .param("n", number)
                .param("at", Timestamp.from(at))
                .update();
    }
}
