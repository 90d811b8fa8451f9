package org.tongban.cases.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseStatus;
import org.tongban.platform.FieldProtection;

/** A row of {@code cases.case_file} as read: what the queries show and what a {@link Case} is loaded from. */
public record CaseRow(
        String number,
        String itemCode,
        int itemVersion,
        String departmentCode,
        List<String> jointDepartments,
        UUID applicant,
        CaseStatus status,
        Map<String, String> form,
        Instant submittedAt,
        @Nullable Instant acceptedAt,
        @Nullable Integer limitDays,
        @Nullable String limitUnit,
        @Nullable LocalDate warnDate,
        @Nullable LocalDate dueDate,
        @Nullable Instant pausedSince,
        @Nullable Instant concludedAt,
        String processKey,
        boolean warned,
        boolean overdueNotified,
        @Nullable String correctionNote,
        @Nullable String outcome,
        @Nullable String decisionOpinion,
        @Nullable String decidedBy,
        @Nullable String enterpriseCode,
        @Nullable String enterpriseName) {

    static final String COLUMNS = """
            number, item_code, item_version, department_code, joint_departments, applicant_id, status, form_data::text,
            submitted_at, accepted_at, limit_days, limit_unit, warn_date, due_date, paused_since, concluded_at,
            process_key, warned, overdue_notified, correction_note, outcome, decision_opinion, decided_by, form_sealed,
            enterprise_code, enterprise_name""";

    /** The columns for a list (the inbox): without the form answers, which lists never show (they read as empty). */
    static final String LIST_COLUMNS =
            COLUMNS.replace("form_data::text", "'{}'").replace("form_sealed", "null::bytea");

    /** Whether officials of this department take part (the lead, or a department of joint approval). */
    public boolean involves(String department) {
        return departmentCode.equals(department) || jointDepartments.contains(department);
    }

    /** Reads a row selected with {@link #COLUMNS} or {@link #LIST_COLUMNS}; sealed answers are opened. */
    static CaseRow read(ResultSet rs, FieldProtection protection) throws SQLException {
        var sealed = rs.getBytes(24);
        var answers = sealed == null
                ? SealedPlaces.form(rs.getString(8))
                : SealedPlaces.form(protection.decrypt(sealed, SealedPlaces.formPlace(rs.getString(1))));
        return new CaseRow(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                strings(rs.getArray(5)),
                rs.getObject(6, UUID.class),
                CaseStatus.valueOf(rs.getString(7)),
                answers,
                rs.getTimestamp(9).toInstant(),
                instant(rs.getTimestamp(10)),
                (Integer) rs.getObject(11),
                rs.getString(12),
                date(rs.getDate(13)),
                date(rs.getDate(14)),
                instant(rs.getTimestamp(15)),
                instant(rs.getTimestamp(16)),
                rs.getString(17),
                rs.getBoolean(18),
                rs.getBoolean(19),
                rs.getString(20),
                rs.getString(21),
                rs.getString(22),
                rs.getString(23),
                rs.getString(25),
                rs.getString(26));
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
