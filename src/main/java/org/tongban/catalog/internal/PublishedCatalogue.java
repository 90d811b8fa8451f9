package org.tongban.catalog.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.catalog.ItemSearch;
import org.tongban.catalog.ItemSummary;

/**
 * This node's copy of the published catalogue and the synonym list, as a search index (ADR 0005, ADR 0025): public
 * reference data, read again after ten seconds and at once after a change on this node, so that a search costs no
 * database round trip and no scan over the items. The index is built again only when what was read differs.
 */
@Component
class PublishedCatalogue {

    private static final Logger log = LoggerFactory.getLogger(PublishedCatalogue.class);
    private static final long TTL = Duration.ofSeconds(10).toNanos();

    private record Copy(SearchIndex index, long readAt) {}

    private final JdbcClient jdbc;
    private volatile @Nullable Copy copy;
    /** The index last built, kept after a change so that a change that leaves search as it was builds nothing. */
    private volatile @Nullable SearchIndex last;

    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Counts changes on this node: a copy read while one happened is not kept, as it may miss the change. */
    private final AtomicLong generation = new AtomicLong();

    PublishedCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ItemSummary> search(ItemSearch search) {
        return index().search(search, Math.clamp(search.limit(), 1, 200));
    }

    /** Reads the catalogue again at the next search (after a change on this node has committed). */
    void forget() {
        generation.incrementAndGet();
        copy = null;
    }

    /**
     * The index of the copy. Read at once when there is none (first search, or a change on this node); when it is
     * older than ten seconds, one virtual thread reads it again while searches go on with the old one, so that no
     * search waits for the read.
     */
    private SearchIndex index() {
        var current = copy;
        if (current == null) {
            // One read and build at a time: the searches arriving meanwhile wait for it instead of each building one.
            synchronized (this) {
                current = copy;
                if (current == null) {
                    long seen = generation.get();
                    var fresh = new Copy(read(last), System.nanoTime());
                    last = fresh.index();
                    if (generation.get() == seen) copy = fresh;
                    return fresh.index();
                }
            }
        }
        var shown = current;
        if (System.nanoTime() - shown.readAt() > TTL && refreshing.compareAndSet(false, true)) {
            long seen = generation.get();
            Thread.ofVirtual().name("catalogue-copy").start(() -> {
                try {
                    var fresh = new Copy(read(shown.index()), System.nanoTime());
                    last = fresh.index();
                    if (generation.get() == seen) copy = fresh;
                } catch (RuntimeException e) {
                    log.warn("Could not read the published catalogue again; searching the previous copy", e);
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return shown.index();
    }

    /** Reads items and synonyms; keeps the previous index when nothing changed. */
    private SearchIndex read(@Nullable SearchIndex previous) {
        var entries = entries();
        var synonyms = synonyms();
        if (previous != null && previous.sameAs(entries, synonyms)) return previous;
        return SearchIndex.of(entries, synonyms);
    }

    private List<SearchIndex.Entry> entries() {
        return jdbc.sql("""
                select code, version, name_zh, name_en, item_type, department_code, department_zh, department_en,
                       promised_limit, limit_unit, visits, channels, themes, keywords, result_names
                  from catalog.service_item
                 where status = 'PUBLISHED'
                 order by department_code, name_zh""")
                .query((rs, i) -> new SearchIndex.Entry(
                        new ItemSummary(
                                rs.getString("code"),
                                rs.getInt("version"),
                                rs.getString("name_zh"),
                                rs.getString("name_en"),
                                rs.getString("item_type"),
                                rs.getString("department_code"),
                                rs.getString("department_zh"),
                                rs.getString("department_en"),
                                rs.getInt("promised_limit"),
                                rs.getString("limit_unit"),
                                rs.getInt("visits"),
                                strings(rs.getArray("channels")),
                                strings(rs.getArray("themes"))),
                        strings(rs.getArray("keywords")),
                        strings(rs.getArray("result_names"))))
                .list();
    }

    private Map<String, List<String>> synonyms() {
        var synonyms = new LinkedHashMap<String, List<String>>();
        jdbc.sql("select term, expansions from catalog.search_synonym order by term")
                .query(rs -> {
                    synonyms.put(
                            QueryExpansion.normalize(rs.getString(1)),
                            strings(rs.getArray(2)).stream()
                                    .map(QueryExpansion::normalize)
                                    .toList());
                });
        return synonyms;
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
