package org.tongban.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseStepView;
import org.tongban.cases.CaseSummary;
import org.tongban.cases.CaseView;

/** Reads and writes the {@code cases} schema. */
@Component
public class CaseStore {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;

    /** A case as the handling side needs it. */
    public record CaseRow(String number, String itemCode, int itemVersion, String departmentCode, UUID applicant,
            String status, java.util.Map<String, String> form, Instant submittedAt) {}

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of an item's sequence for a day. The upsert takes a row lock, so two submissions at once get
     * two numbers, never the same one.
     */
    public int nextSequence(String itemCode, LocalDate day) {
        return jdbc.sql("""
                insert into cases.case_sequence (item_code, day, last) values (:item, :day, 1)
                on conflict (item_code, day) do update set last = cases.case_sequence.last + 1
                returning last""")
                .param("item", itemCode).param("day", Date.valueOf(day)).query(Integer.class).single();
    }

    public Optional<String> numberFor(UUID applicant, String idempotencyKey) {
        return jdbc.sql("select number from cases.case_file where applicant_id = :a and idempotency_key = :k")
                .param("a", applicant).param("k", idempotencyKey).query(String.class).optional();
    }

    /** Inserts the case; false when the same applicant and key won a race a moment earlier. */
    public boolean insert(String number, String itemCode, int itemVersion, String department, UUID applicant,
            String idempotencyKey, String formJson, Instant at) {
        return jdbc.sql("""
                insert into cases.case_file (number, item_code, item_version, department_code, applicant_id,
                       idempotency_key, status, form_data, submitted_at)
                values (:n, :item, :v, :d, :a, :k, 'SUBMITTED', cast(:form as jsonb), :at)
                on conflict (applicant_id, idempotency_key) do nothing""")
                .param("n", number).param("item", itemCode).param("v", itemVersion).param("d", department)
                .param("a", applicant).param("k", idempotencyKey).param("form", formJson).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public void step(String number, String step, @Nullable String actor, @Nullable String department,
            @Nullable String opinion) {
        jdbc.sql("""
                insert into cases.case_step (number, step, actor, department, opinion, at)
                values (:n, :s, :a, :d, :o, now())""")
                .param("n", number).param("s", step).param("a", actor).param("d", department).param("o", opinion)
                .update();
    }

    /** The cases with these numbers, by number. */
    public java.util.Map<String, CaseSummary> summaries(java.util.Collection<String> numbers) {
        if (numbers.isEmpty()) return java.util.Map.of();
        var found = new java.util.HashMap<String, CaseSummary>();
        jdbc.sql("""
                select number, item_code, item_version, status, submitted_at from cases.case_file
                 where number = any(:numbers)""")
                .param("numbers", numbers.toArray(String[]::new))
                .query((rs, i) -> new CaseSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list()
                .forEach(c -> found.put(c.number(), c));
        return found;
    }

    public Optional<CaseRow> full(String number) {
        return jdbc.sql("""
                select number, item_code, item_version, department_code, applicant_id, status, form_data::text, submitted_at
                  from cases.case_file where number = :n""")
                .param("n", number)
                .query((rs, i) -> new CaseRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), form(rs.getString(7)), rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** Form answers from their JSON object (string values only). */
    public static java.util.Map<String, String> form(String json) {
        var result = new java.util.TreeMap<String, String>();
        JSON.readTree(json).properties().forEach(e -> result.put(e.getKey(), e.getValue().asString()));
        return result;
    }

    public Optional<String> departmentOf(String number) {
        return jdbc.sql("select department_code from cases.case_file where number = :n")
                .param("n", number).query(String.class).optional();
    }

    public void move(String number, String status) {
        jdbc.sql("update cases.case_file set status = :s, version = version + 1 where number = :n")
                .param("s", status).param("n", number).update();
    }

    public List<CaseSummary> forApplicant(UUID applicant) {
        return jdbc.sql("""
                select number, item_code, item_version, status, submitted_at from cases.case_file
                 where applicant_id = :a order by submitted_at desc limit 200""")
                .param("a", applicant)
                .query((rs, i) -> new CaseSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Optional<CaseView> ofApplicant(String number, UUID applicant) {
        return jdbc.sql("""
                select number, item_code, item_version, department_code, status, form_data::text, submitted_at
                  from cases.case_file where number = :n and applicant_id = :a""")
                .param("n", number).param("a", applicant)
                .query((rs, i) -> new CaseView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), steps(number)))
                .optional();
    }

    private List<CaseStepView> steps(String number) {
        return jdbc.sql("select step, department, opinion, at from cases.case_step where number = :n order by id")
                .param("n", number)
                .query((rs, i) -> new CaseStepView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
