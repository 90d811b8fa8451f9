package org.tongban.licenses.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.SubjectNames;

/** The audit trail's words for licence types, the object of some licence events (营业执照, not BUSINESS_LICENCE). */
@Component
class LicenceTypeSubjectNames implements SubjectNames {

    private final JdbcClient jdbc;

    LicenceTypeSubjectNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> names(Collection<String> subjects, Locale locale) {
        var codes =
                subjects.stream().filter(s -> s.matches("[A-Z][A-Z0-9_]{1,60}")).toArray(String[]::new);
        if (codes.length == 0) return Map.of();
        boolean en = locale.getLanguage().equals("en");
        return jdbc
                .sql("select code, name_zh, name_en from licenses.license_type where code = any(:c)")
                .param("c", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(en ? 3 : 2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
