package org.tongban.documents.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.documents.DocumentRefusedException;
import org.tongban.documents.DocumentType;

/**
 * Document numbers without gaps or duplicates (ADR 0028): one counter row per department, type and year, moved by
 * {@code insert ... on conflict do update ... returning} in the signing's own transaction. The row stays locked
 * until that transaction ends, so concurrent signers of one series queue on it; a signing that rolls back rolls its
 * increment back too and the next signer gets the same number. A PostgreSQL sequence would be faster but burns
 * numbers on rollback (gaps).
 */
@Component
class Numbering {

    private final JdbcClient jdbc;
    private final ShortNames shortNames;

    Numbering(JdbcClient jdbc, ShortNames shortNames) {
        this.jdbc = jdbc;
        this.shortNames = shortNames;
    }

    /** The next number of the series; must run inside the signing's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    OfficialDocument.Number next(String department, DocumentType type, int year) {
        var shortName = shortNames
                .of(department)
                .orElseThrow(() -> DocumentRefusedException.conflict("documents.error.noShortName"));
        int n = jdbc.sql("""
                        insert into documents.number_counter (department, doc_type, year, last_value)
                        values (:department, :type, :year, 1)
                        on conflict (department, doc_type, year)
                        do update set last_value = documents.number_counter.last_value + 1
                        returning last_value""")
                .param("department", department)
                .param("type", type.name())
                .param("year", year)
                .query(Integer.class)
                .single();
        return new OfficialDocument.Number(format(shortName + type.numberSuffix(), year, n), year, n);
    }

    /** {@code 穗市监〔2026〕7号}: hexagonal brackets, four-digit year, no leading zeros, no 第 (DOMAIN.md 10.3). */
    static String format(String code, int year, int n) {
        return code + "〔" + year + "〕" + n + "号";
    }
}
