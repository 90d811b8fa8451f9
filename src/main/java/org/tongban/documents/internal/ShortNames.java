package org.tongban.documents.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditRecord;
import org.tongban.documents.DocumentAudit;
import org.tongban.documents.InvalidDocumentException;
import org.tongban.identity.Departments;

/** The departments' 机关代字, which identity does not keep: set by the government manager. */
@Service
public class ShortNames {

    private static final Pattern SHORT_NAME = Pattern.compile("^[\\p{IsHan}A-Za-z0-9]{1,12}$");

    private final JdbcClient jdbc;
    private final Departments departments;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ShortNames(JdbcClient jdbc, Departments departments, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<String> of(String department) {
        return jdbc.sql("select short_name from documents.short_name where department = :d")
                .param("d", department)
                .query(String.class)
                .optional();
    }

    /** Department code to 机关代字, for every department that has one. */
    @Transactional(readOnly = true)
    public Map<String, String> all() {
        var out = new LinkedHashMap<String, String>();
        jdbc.sql("select department, short_name from documents.short_name order by department")
                .query((rs, i) -> out.put(rs.getString(1), rs.getString(2)))
                .list();
        return out;
    }

    @Transactional
    public void set(String actor, String department, String shortName) {
        var value = shortName.strip();
        if (departments.department(department).isEmpty())
            throw new InvalidDocumentException(Map.of("department", "documents.error.unknownDepartment"));
        if (!SHORT_NAME.matcher(value).matches())
            throw new InvalidDocumentException(Map.of("shortName", "documents.error.shortName"));
        var taken = jdbc.sql("select count(*) from documents.short_name where short_name = :s and department <> :d")
                .param("s", value)
                .param("d", department)
                .query(Long.class)
                .single();
        if (taken > 0) throw new InvalidDocumentException(Map.of("shortName", "documents.error.shortNameTaken"));
        jdbc.sql("""
                        insert into documents.short_name (department, short_name, updated_by, updated_at)
                        values (:d, :s, :a, :t)
                        on conflict (department) do update set short_name = :s, updated_by = :a, updated_at = :t""")
                .param("d", department)
                .param("s", value)
                .param("a", actor)
                .param("t", java.sql.Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(AuditRecord.success(
                DocumentAudit.DOCUMENT_SHORT_NAME_SET, actor, department, Map.of("shortName", value)));
    }
}
