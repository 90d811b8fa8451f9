package org.tongban.exchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A demo department system: one table in a schema of its own ({@code src_*}), owned by the exchange's migrations.
 * Only this adapter names those tables (ExchangeArchitectureTests). Column names come from the declared field list,
 * never from the caller.
 */
final class TableSource implements SourceSystem {

    private final String code;
    private final String department;
    private final SubjectKind kind;
    private final String table;
    private final List<SourceField> fields;
    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    TableSource(
            String code,
            String department,
            SubjectKind kind,
            String table,
            List<SourceField> fields,
            JdbcClient jdbc,
            SubjectKeys keys) {
        this.code = code;
        this.department = department;
        this.kind = kind;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String department() {
        return department;
    }

    @Override
    public SubjectKind subjectKind() {
        return kind;
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public Optional<Map<String, String>> read(String subject, Set<String> wanted) {
        var columns = new ArrayList<String>();
        for (var f : fields) if (wanted.contains(f.code())) columns.add(f.code());
        if (columns.isEmpty()) return Optional.empty();
        var key = kind == SubjectKind.PERSON ? "subject_idx" : "credit_code";
        Object value = kind == SubjectKind.PERSON ? keys.index(subject) : subject;
        var sql = "select " + String.join(", ", columns) + " from " + table + " where " + key + " = :k";
        return jdbc.sql(sql)
                .param("k", value)
                .query((rs, i) -> {
                    var row = new LinkedHashMap<String, String>();
                    for (var c : columns) {
                        var v = rs.getString(c);
                        row.put(c, v == null ? "" : v);
                    }
                    return (Map<String, String>) row;
                })
                .optional();
    }
}
