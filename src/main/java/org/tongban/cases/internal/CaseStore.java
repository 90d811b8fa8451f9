package org.tongban.cases.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseMaterialView;
import org.tongban.cases.CaseStepView;
import org.tongban.cases.CaseSummary;
import org.tongban.cases.CaseView;
import org.tongban.cases.DraftView;
import org.tongban.cases.PauseView;
import org.tongban.cases.UploadView;
import org.tongban.platform.FieldProtection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the {@code cases} schema. Form answers, drafts, uploaded files and licence data are sealed with
 * {@link FieldProtection}, bound to their row; rows from before that are read as they were until
 * {@link PersonalDataSealing} seals them.
 */
@Component
public class CaseStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ROW = """
            number, item_code, item_version, department_code, joint_departments, applicant_id, status, form_data::text,
            submitted_at, accepted_at, limit_days, limit_unit, warn_date, due_date, paused_since, concluded_at,
            process_key, warned, overdue_notified, correction_note, outcome, decision_opinion, decided_by, form_sealed""";

    private static final String LIST_ROW = ROW.replace("form_data::text", "'{}'").replace("form_sealed", "null::bytea");

    // Where each sealed value lives: the associated data binds it to its table, row and column.
    static final String CASE_FILE = "cases.case_file";
    static final String DRAFT = "cases.draft";
    static final String UPLOAD = "cases.upload";
    static final String MATERIAL = "cases.case_material";

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    CaseStore(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    static String formPlace(String number) {
        return FieldProtection.place(CASE_FILE, number, "form_data");
    }

    static String draftPlace(UUID applicant, String itemCode) {
        return FieldProtection.place(DRAFT, applicant + "/" + itemCode, "form_data");
    }

    static String uploadPlace(UUID id) {
        return FieldProtection.place(UPLOAD, id.toString(), "content");
    }

    static String licenceDataPlace(String number, int seq) {
        return FieldProtection.place(MATERIAL, number + "/" + seq, "licence_data");
    }

    private byte[] sealForm(Map<String, String> form, String place) {
        return protection.encrypt(json(form), place);
    }

    /** A case as the services need it. */
    public record CaseRow(String number, String itemCode, int itemVersion, String departmentCode,
            List<String> jointDepartments, UUID applicant, String status, Map<String, String> form, Instant submittedAt,
            @Nullable Instant acceptedAt, @Nullable Integer limitDays, @Nullable String limitUnit,
            @Nullable LocalDate warnDate, @Nullable LocalDate dueDate, @Nullable Instant pausedSince,
            @Nullable Instant concludedAt, String processKey, boolean warned, boolean overdueNotified,
            @Nullable String correctionNote, @Nullable String outcome, @Nullable String decisionOpinion,
            @Nullable String decidedBy) {

        /** Whether officials of this department take part (the lead, or a department of joint approval). */
        public boolean involves(String department) {
            return departmentCode.equals(department) || jointDepartments.contains(department);
        }
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
    public boolean insert(String number, String itemCode, int itemVersion, String department, List<String> joint,
            String processKey, UUID applicant, String idempotencyKey, Map<String, String> form, Instant at) {
        return jdbc.sql("""
                insert into cases.case_file (number, item_code, item_version, department_code, joint_departments,
                       process_key, applicant_id, idempotency_key, status, form_sealed, submitted_at)
                values (:n, :item, :v, :d, :joint, :process, :a, :k, 'SUBMITTED', :form, :at)
                on conflict (applicant_id, idempotency_key) do nothing""")
                .param("n", number).param("item", itemCode).param("v", itemVersion).param("d", department)
                .param("joint", joint.toArray(String[]::new)).param("process", processKey)
                .param("a", applicant).param("k", idempotencyKey).param("form", sealForm(form, formPlace(number))).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public void step(String number, String step, @Nullable String actor, @Nullable String department,
            @Nullable String opinion) {
        jdbc.sql("""
                insert into cases.case_step (number, step, actor, department, opinion, at)
                values (:n, :s, :a, :d, :o, clock_timestamp())""")
                .param("n", number).param("s", step).param("a", actor).param("d", department).param("o", opinion)
                .update();
    }

    /** Whether the actor recorded one of these steps on the case (for separation of duties). */
    public boolean actedAs(String number, String actor, Collection<String> steps) {
        return jdbc.sql("select exists (select 1 from cases.case_step where number = :n and actor = :a and step in (:s))")
                .param("n", number).param("a", actor).param("s", steps).query(Boolean.class).single();
    }

    /** The cases with these numbers, by number. */
    public Map<String, CaseRow> rows(Collection<String> numbers) {
        return rows(numbers, ROW);
    }

    /** The rows for a list (the inbox): without the form answers, which lists never show (their form reads as empty). */
    public Map<String, CaseRow> listRows(Collection<String> numbers) {
        return rows(numbers, LIST_ROW);
    }

    private Map<String, CaseRow> rows(Collection<String> numbers, String columns) {
        if (numbers.isEmpty()) return Map.of();
        var found = new HashMap<String, CaseRow>();
        jdbc.sql("select " + columns + " from cases.case_file where number = any(:numbers)")
                .param("numbers", numbers.toArray(String[]::new))
                .query((rs, i) -> row(rs)).list()
                .forEach(c -> found.put(c.number(), c));
        return found;
    }

    public Optional<CaseRow> full(String number) {
        return jdbc.sql("select " + ROW + " from cases.case_file where number = :n")
                .param("n", number).query((rs, i) -> row(rs)).optional();
    }

    /** Locks the case row for a change (two officials acting at once take turns). */
    public Optional<CaseRow> lock(String number) {
        return jdbc.sql("select " + ROW + " from cases.case_file where number = :n for update")
                .param("n", number).query((rs, i) -> row(rs)).optional();
    }

    public void move(String number, String status) {
        jdbc.sql("update cases.case_file set status = :s, version = version + 1 where number = :n")
                .param("s", status).param("n", number).update();
    }

    public void accepted(String number, Instant at, int limitDays, String unit, LocalDate warn, LocalDate due) {
        jdbc.sql("""
                update cases.case_file set accepted_at = :at, limit_days = :days, limit_unit = :unit, warn_date = :warn,
                       due_date = :due, version = version + 1
                 where number = :n""")
                .param("at", Timestamp.from(at)).param("days", limitDays).param("unit", unit)
                .param("warn", Date.valueOf(warn)).param("due", Date.valueOf(due)).param("n", number).update();
    }

    public void correction(String number, @Nullable String note) {
        jdbc.sql("update cases.case_file set correction_note = :note where number = :n")
                .param("note", note).param("n", number).update();
    }

    public void replaceForm(String number, Map<String, String> form) {
        jdbc.sql("update cases.case_file set form_sealed = :form, form_data = null, version = version + 1 where number = :n")
                .param("form", sealForm(form, formPlace(number))).param("n", number).update();
    }

    public void conclude(String number, String outcome, @Nullable String opinion, String by, Instant at) {
        jdbc.sql("""
                update cases.case_file set outcome = :o, decision_opinion = :op, decided_by = :by, concluded_at = :at,
                       paused_since = null
                 where number = :n""")
                .param("o", outcome).param("op", opinion).param("by", by).param("at", Timestamp.from(at))
                .param("n", number).update();
    }

    public void startPause(String number, String kind, String reason, String resumeStatus, String by, Instant at) {
        jdbc.sql("""
                insert into cases.case_pause (number, kind, reason, resume_status, started_at, started_by)
                values (:n, :k, :r, :resume, :at, :by)""")
                .param("n", number).param("k", kind).param("r", reason).param("resume", resumeStatus)
                .param("at", Timestamp.from(at)).param("by", by).update();
        jdbc.sql("update cases.case_file set paused_since = :at where number = :n")
                .param("at", Timestamp.from(at)).param("n", number).update();
    }

    public record OpenPause(long id, String kind, String resumeStatus, Instant startedAt) {}

    public Optional<OpenPause> openPause(String number) {
        return jdbc.sql("select id, kind, resume_status, started_at from cases.case_pause where number = :n and ended_at is null")
                .param("n", number)
                .query((rs, i) -> new OpenPause(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Ends the pause and moves the case's dates by the days it lasted. */
    public void endPause(long id, String number, @Nullable String result, int days, Instant at, LocalDate warn,
            LocalDate due) {
        jdbc.sql("update cases.case_pause set ended_at = :at, result = :r, paused_days = :d where id = :id")
                .param("at", Timestamp.from(at)).param("r", result).param("d", days).param("id", id).update();
        jdbc.sql("""
                update cases.case_file set paused_since = null, warn_date = :warn, due_date = :due, warned = false,
                       overdue_notified = false
                 where number = :n""")
                .param("warn", Date.valueOf(warn)).param("due", Date.valueOf(due)).param("n", number).update();
    }

    public void flag(String number, String kind) {
        jdbc.sql("update cases.case_file set " + (kind.equals("OVERDUE") ? "overdue_notified" : "warned")
                + " = true where number = :n").param("n", number).update();
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

    /** Open accepted cases of a department (lead or joint) due on or before a day, soonest first. */
    public List<CaseRow> dueBy(String department, LocalDate day, int limit) {
        return jdbc.sql("select " + ROW + " " + """
                 from cases.case_file
                 where concluded_at is null and due_date is not null and warn_date <= :day
                   and (department_code = :d or :d = any(joint_departments))
                 order by due_date, number limit :limit""")
                .param("d", department).param("day", Date.valueOf(day)).param("limit", limit)
                .query((rs, i) -> row(rs)).list();
    }

    /** The case as its applicant sees it; {@code deadline} names the state of its time limit. */
    public CaseView view(CaseRow c, Function<CaseRow, String> deadline) {
        return new CaseView(c.number(), c.itemCode(), c.itemVersion(), c.departmentCode(), c.jointDepartments(),
                c.status(), c.form(), c.submittedAt(), c.acceptedAt(), c.dueDate(), deadline.apply(c), c.correctionNote(),
                c.outcome(), c.decisionOpinion(), c.concludedAt(), materials(c.number()), pauses(c.number()),
                steps(c.number()));
    }

    private List<CaseStepView> steps(String number) {
        return jdbc.sql("select step, department, opinion, at from cases.case_step where number = :n order by id")
                .param("n", number)
                .query((rs, i) -> new CaseStepView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private List<PauseView> pauses(String number) {
        return jdbc.sql("""
                select kind, reason, started_at, ended_at, result, paused_days from cases.case_pause
                 where number = :n order by id""")
                .param("n", number)
                .query((rs, i) -> new PauseView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)), rs.getString(5), (Integer) rs.getObject(6)))
                .list();
    }

    public List<CaseMaterialView> materials(String number) {
        return jdbc.sql("""
                select m.seq, m.name, m.kind, m.upload_id, u.file_name, u.content_type, u.size, m.licence_id, m.licence_data,
                       m.licence_data_sealed
                  from cases.case_material m left join cases.upload u on u.id = m.upload_id
                 where m.number = :n order by m.seq""")
                .param("n", number)
                .query((rs, i) -> new CaseMaterialView(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7),
                        rs.getString(8), rs.getBytes(10) == null ? rs.getString(9)
                                : protection.decrypt(rs.getBytes(10), licenceDataPlace(number, rs.getInt(1)))))
                .list();
    }

    public void replaceMaterials(String number) {
        jdbc.sql("update cases.upload set case_number = null where case_number = :n").param("n", number).update();
        jdbc.sql("delete from cases.case_material where number = :n").param("n", number).update();
    }

    public void uploadMaterial(String number, int seq, String name, UUID upload) {
        jdbc.sql("insert into cases.case_material (number, seq, name, kind, upload_id) values (:n, :s, :name, 'UPLOAD', :u)")
                .param("n", number).param("s", seq).param("name", name).param("u", upload).update();
        jdbc.sql("update cases.upload set case_number = :n where id = :u").param("n", number).param("u", upload).update();
    }

    public void licenceMaterial(String number, int seq, String name, String licenceId, String data) {
        jdbc.sql("""
                insert into cases.case_material (number, seq, name, kind, licence_id, licence_data_sealed)
                values (:n, :s, :name, 'LICENCE', :l, :data)""")
                .param("n", number).param("s", seq).param("name", name).param("l", licenceId)
                .param("data", protection.encrypt(data, licenceDataPlace(number, seq)))
                .update();
    }

    // Uploads

    public void saveUpload(UUID id, UUID owner, String fileName, String contentType, byte[] content, String digest,
            Instant at) {
        jdbc.sql("""
                insert into cases.upload (id, owner_id, file_name, content_type, size, digest, content_sealed, created_at)
                values (:id, :o, :f, :t, :s, :d, :c, :at)""")
                .param("id", id).param("o", owner).param("f", fileName).param("t", contentType)
                .param("s", content.length).param("d", digest).param("c", protection.seal(content, uploadPlace(id))).param("at", Timestamp.from(at))
                .update();
    }

    public record UploadRow(UploadView view, UUID owner, @Nullable String caseNumber) {}

    public Optional<UploadRow> upload(UUID id) {
        return jdbc.sql("select id, file_name, content_type, size, created_at, owner_id, case_number from cases.upload where id = :id")
                .param("id", id)
                .query((rs, i) -> new UploadRow(new UploadView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant()), rs.getObject(6, UUID.class),
                        rs.getString(7)))
                .optional();
    }

    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content, content_sealed from cases.upload where id = :id").param("id", id)
                .query((rs, i) -> rs.getBytes(2) == null ? rs.getBytes(1) : protection.open(rs.getBytes(2), uploadPlace(id)))
                .optional();
    }

    // Drafts

    public void saveDraft(UUID applicant, String itemCode, Map<String, String> form, Map<Integer, String> materials,
            Instant at) {
        var m = new TreeMap<String, String>();
        materials.forEach((k, v) -> m.put(k.toString(), v));
        jdbc.sql("""
                insert into cases.draft (applicant_id, item_code, form_sealed, materials, updated_at)
                values (:a, :i, :f, cast(:m as jsonb), :at)
                on conflict (applicant_id, item_code) do update set form_sealed = excluded.form_sealed, form_data = null,
                       materials = excluded.materials, updated_at = excluded.updated_at""")
                .param("a", applicant).param("i", itemCode).param("f", sealForm(form, draftPlace(applicant, itemCode))).param("m", json(m))
                .param("at", Timestamp.from(at)).update();
    }

    public Optional<DraftView> draft(UUID applicant, String itemCode) {
        return jdbc.sql("""
                select form_data::text, materials::text, updated_at, form_sealed from cases.draft
                 where applicant_id = :a and item_code = :i""")
                .param("a", applicant).param("i", itemCode)
                .query((rs, i) -> {
                    var materials = new TreeMap<Integer, String>();
                    form(rs.getString(2)).forEach((k, v) -> materials.put(Integer.valueOf(k), v));
                    var sealed = rs.getBytes(4);
                    var answers = sealed == null ? form(rs.getString(1))
                            : form(protection.decrypt(sealed, draftPlace(applicant, itemCode)));
                    return new DraftView(itemCode, answers, materials, rs.getTimestamp(3).toInstant());
                })
                .optional();
    }

    public void deleteDraft(UUID applicant, String itemCode) {
        jdbc.sql("delete from cases.draft where applicant_id = :a and item_code = :i")
                .param("a", applicant).param("i", itemCode).update();
    }

    // Mapping

    private CaseRow row(ResultSet rs) throws SQLException {
        var sealed = rs.getBytes(24);
        var answers = sealed == null ? form(rs.getString(8)) : form(protection.decrypt(sealed, formPlace(rs.getString(1))));
        return new CaseRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), strings(rs.getArray(5)),
                rs.getObject(6, UUID.class), rs.getString(7), answers, rs.getTimestamp(9).toInstant(),
                instant(rs.getTimestamp(10)), (Integer) rs.getObject(11), rs.getString(12), date(rs.getDate(13)),
                date(rs.getDate(14)), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)), rs.getString(17),
                rs.getBoolean(18), rs.getBoolean(19), rs.getString(20), rs.getString(21), rs.getString(22),
                rs.getString(23));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Form answers from their JSON object (string values only). */
    public static Map<String, String> form(String json) {
        var result = new TreeMap<String, String>();
        JSON.readTree(json).properties().forEach(e -> result.put(e.getKey(), e.getValue().asString()));
        return result;
    }

    /** A map of strings as a JSON object with sorted keys. */
    public static String json(Map<String, String> values) {
        return JSON.writeValueAsString(new TreeMap<>(values));
    }
}
