package org.tongban.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.exchange.ExchangeAudit;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.exchange.InvalidExchangeInputException;
import org.tongban.identity.Departments;
import org.tongban.shared.Refusal;

/** The catalogue of data resources (政务信息资源目录): every department sees it; each registers its own. */
@Service("exchangeCatalogue")
public class Catalogue {

    static final Set<String> FREQUENCIES = Set.of("REALTIME", "DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private final JdbcClient jdbc;
    private final Sources sources;
    private final Departments departments;
    private final AuditManagement audit;
    private final Clock clock;

    Catalogue(JdbcClient jdbc, Sources sources, Departments departments, AuditManagement audit, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ResourceView> all() {
        var codes = jdbc.sql("select code from exchange.resource order by owner_department, code")
                .query((rs, i) -> rs.getString(1))
                .list();
        var out = new ArrayList<ResourceView>();
        for (String c : codes) find(c).ifPresent(out::add);
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<ResourceView> find(String code) {
        var fields = jdbc.sql("""
                select code, label, share_class from exchange.resource_field where resource_code = :c order by position""")
                .param("c", code)
                .query((rs, i) -> new ResourceView.FieldView(
                        rs.getString(1), rs.getString(2), ShareClass.valueOf(rs.getString(3))))
                .list();
        return jdbc.sql("""
                select code, name, description, owner_department, source, update_frequency, personal, subject_kind,
                       registered_at from exchange.resource where code = :c""")
                .param("c", code)
                .query((rs, i) -> {
                    var owner = rs.getString(4);
                    var dept = departments.department(owner);
                    return new ResourceView(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            owner,
                            dept.map(d -> d.nameZh()).orElse(owner),
                            dept.map(d -> d.nameEn()).orElse(owner),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7),
                            SubjectKind.valueOf(rs.getString(8)),
                            rs.getTimestamp(9).toInstant(),
                            fields);
                })
                .optional();
    }

    /** The systems of the official's department on which a resource may be registered. */
    @Transactional(readOnly = true)
    public List<SourceInfo> sourcesOf(UUID official) {
        var dept = departments.departmentOf(official).orElse("");
        return sources.all().stream()
                .filter(s -> s.department().equals(dept))
                .map(SourceInfo::of)
                .toList();
    }

    @Transactional
    public ResourceView register(UUID official, RegisterResource cmd) {
        var dept = departments
                .departmentOf(official)
                .orElseThrow(() -> new ExchangeRefusedException(Refusal.Kind.FORBIDDEN, "exchange.error.noDepartment"));
        var errors = new LinkedHashMap<String, String>();
        var code = cmd.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("^[A-Z][A-Z0-9_]{1,39}$")) errors.put("code", "exchange.resource.error.code");
        else if (find(code).isPresent()) errors.put("code", "exchange.resource.error.codeTaken");
        if (cmd.name().isBlank() || cmd.name().strip().length() > 100)
            errors.put("name", "exchange.resource.error.name");
        if (cmd.description().isBlank() || cmd.description().strip().length() > 1000)
            errors.put("description", "exchange.resource.error.description");
        if (!FREQUENCIES.contains(cmd.updateFrequency()))
            errors.put("updateFrequency", "exchange.resource.error.frequency");
        var source = sources.find(cmd.source()).filter(s -> s.department().equals(dept));
        if (source.isEmpty()) errors.put("source", "exchange.resource.error.source");
        var fields = new ArrayList<RegisterResource.FieldDef>();
        if (source.isPresent()) {
            var offered = new HashSet<String>();
            source.get().fields().forEach(f -> offered.add(f.code()));
            for (var f : cmd.fields()) {
                if (f.shareClass().isBlank()) continue; // not offered
                if (!offered.contains(f.code())) {
                    errors.put("fields", "exchange.resource.error.fields");
                    continue;
                }
                try {
                    ShareClass.valueOf(f.shareClass());
                } catch (IllegalArgumentException e) {
                    errors.put("field." + f.code(), "exchange.resource.error.shareClass");
                    continue;
                }
                if (f.label().isBlank() || f.label().strip().length() > 60) {
                    errors.put("field." + f.code(), "exchange.resource.error.label");
                    continue;
                }
                fields.add(f);
            }
            if (fields.isEmpty() && !errors.containsKey("fields"))
                errors.put("fields", "exchange.resource.error.noFields");
        }
        if (!errors.isEmpty()) throw new InvalidExchangeInputException(errors);
        var src = source.orElseThrow();
        jdbc.sql("""
                insert into exchange.resource (code, name, description, owner_department, source, update_frequency,
                       personal, subject_kind, registered_by, registered_at)
                values (:code, :name, :d, :o, :s, :f, :p, :k, :by, :at)""")
                .param("code", code)
                .param("name", cmd.name().strip())
                .param("d", cmd.description().strip())
                .param("o", dept)
                .param("s", src.code())
                .param("f", cmd.updateFrequency())
                .param("p", cmd.personal())
                .param("k", src.subjectKind().name())
                .param("by", official)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        int position = 0;
        for (var f : fields) {
            jdbc.sql("""
                    insert into exchange.resource_field (resource_code, code, label, share_class, position)
                    values (:r, :c, :l, :s, :p)""")
                    .param("r", code)
                    .param("c", f.code())
                    .param("l", f.label().strip())
                    .param("s", f.shareClass())
                    .param("p", position++)
                    .update();
        }
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_RESOURCE_REGISTERED,
                official.toString(),
                code,
                Map.of("department", dept, "source", src.code(), "fields", Integer.toString(fields.size()))));
        return find(code).orElseThrow();
    }
}
