package org.tongban.exchange.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.SubjectNames;

/** The audit trail's words for the exchange's data resources, the object of its events (人口基本信息). */
@Component
class ResourceSubjectNames implements SubjectNames {

    private final JdbcClient jdbc;

    ResourceSubjectNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> names(Collection<String> subjects, Locale locale) {
        var codes =
                subjects.stream().filter(s -> s.matches("[A-Z][A-Z0-9_]{1,39}")).toArray(String[]::new);
        if (codes.length == 0) return Map.of();
        // A resource has one name, in the words its department registered it with.
        return jdbc
                .sql("select code, name from exchange.resource where code = any(:c)")
                .param("c", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
