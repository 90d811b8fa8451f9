package org.tongban.catalog.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.catalog.SearchSynonym;

/** Reads and writes {@code catalog.search_synonym}, the managers' synonym list. */
@Component
public class SynonymStore {

    private final JdbcClient jdbc;

    SynonymStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SearchSynonym> all() {
        return jdbc.sql("select term, expansions, changed_at from catalog.search_synonym order by term")
                .query((rs, i) -> new SearchSynonym(
                        rs.getString(1),
                        List.copyOf(Arrays.asList((String[]) rs.getArray(2).getArray())),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Adds the word or replaces its expansions; returns whether the word was new. */
    public boolean save(String term, List<String> expansions, Instant at, UUID by) {
        return jdbc.sql("""
                insert into catalog.search_synonym (term, expansions, changed_at, changed_by)
                values (:term, :expansions, :at, :by)
                on conflict (term) do update set expansions = excluded.expansions, changed_at = excluded.changed_at,
                       changed_by = excluded.changed_by
                returning (xmax = 0)""")
                .param("term", term)
                .param("expansions", expansions.toArray(String[]::new))
                .param("at", java.sql.Timestamp.from(at))
                .param("by", by)
                .query(Boolean.class)
                .single();
    }

    public boolean remove(String term) {
        return jdbc.sql("delete from catalog.search_synonym where term = :term")
                        .param("term", term)
                        .update()
                > 0;
    }
}
