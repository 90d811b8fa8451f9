package org.tongban.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ItemSearch;
import org.tongban.catalog.ItemSummary;

/**
 * The published catalogue as an in-memory Lucene index (ADR 0025), built once per copy (ADR 0005) and searched by
 * every request without a scan over the items. Chinese text is indexed one character a token, so that a phrase of
 * the characters typed is exactly a substring; SearchQuery says what a search text matches and how it ranks.
 */
final class SearchIndex {

    /** An item with what it is searched by besides its names: its keywords and the results it yields. */
    record Entry(ItemSummary item, List<String> keywords, List<String> results) {}

    static final String NAME_EXACT = "nameExact";
    static final String NAME = "name";
    static final String NAME_EN = "nameEn";
    static final String KEYWORDS = "keywords";
    static final String RESULTS = "results";
    static final String DEPARTMENT = "department";
    static final String PINYIN = "pinyin";
    private static final String ORDER = "order";

    /** Chinese one character a token, full-width folded, lower case; values of a field never join in a phrase. */
    static final Analyzer CHINESE = new ChineseAnalyzer();

    static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(CHINESE, Map.of(NAME_EN, new EnglishAnalyzer()));

    private final List<Entry> entries;
    private final Map<String, List<String>> synonyms;
    private final IndexSearcher searcher;
    private final SearchQuery queries;

    private SearchIndex(List<Entry> entries, Map<String, List<String>> synonyms, IndexSearcher searcher) {
        this.entries = entries;
        this.synonyms = synonyms;
        this.searcher = searcher;
        this.queries = new SearchQuery(new QueryExpansion(synonyms));
    }

    /** Indexes the entries in catalogue order. */
    static SearchIndex of(List<Entry> entries, Map<String, List<String>> synonyms) {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, config())) {
            for (int i = 0; i < entries.size(); i++) writer.addDocument(document(i, entries.get(i)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // The reader lives as long as this copy; the directory is memory only, and the collector frees both.
            return new SearchIndex(
                    List.copyOf(entries), Map.copyOf(synonyms), new IndexSearcher(DirectoryReader.open(directory)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One segment for the whole catalogue (a few thousand small documents), written on the caller's thread. */
    private static IndexWriterConfig config() {
        return new IndexWriterConfig(ANALYZER)
                .setRAMBufferSizeMB(256)
                .setMergeScheduler(new org.apache.lucene.index.SerialMergeScheduler())
                .setCommitOnClose(true);
    }

    /** Whether this index was built from exactly these entries and synonyms (so that it can be kept). */
    boolean sameAs(List<Entry> otherEntries, Map<String, List<String>> otherSynonyms) {
        return entries.equals(otherEntries) && synonyms.equals(otherSynonyms);
    }

    int size() {
        return entries.size();
    }

    private static Document document(int order, Entry entry) {
        var item = entry.item();
        var doc = new Document();
        doc.add(new NumericDocValuesField(ORDER, order));
        doc.add(new StoredField(ORDER, order));
        doc.add(new StringField(NAME_EXACT, QueryExpansion.normalize(item.nameZh()), Field.Store.NO));
        doc.add(new TextField(NAME, item.nameZh(), Field.Store.NO));
        doc.add(new TextField(NAME_EN, item.nameEn(), Field.Store.NO));
        for (var keyword : entry.keywords()) doc.add(new TextField(KEYWORDS, keyword, Field.Store.NO));
        for (var result : entry.results()) doc.add(new TextField(RESULTS, result, Field.Store.NO));
        doc.add(new TextField(DEPARTMENT, item.departmentZh(), Field.Store.NO));
        for (var prefix : Pinyin.suffixes(item.nameZh())) doc.add(new StringField(PINYIN, prefix, Field.Store.NO));
        for (var theme : item.themes()) doc.add(new StringField("theme", theme, Field.Store.NO));
        for (var channel : item.channels()) doc.add(new StringField("channel", channel, Field.Store.NO));
        doc.add(new StringField("departmentCode", item.departmentCode(), Field.Store.NO));
        if (item.visits() == 0) doc.add(new StringField("zeroVisit", "yes", Field.Store.NO));
        return doc;
    }

    /** The items matching the search, best first (see SearchQuery), then in catalogue order. */
    List<ItemSummary> search(ItemSearch search, int limit) {
        var query = new BooleanQuery.Builder();
        var text = QueryExpansion.normalize(search.text());
        if (text.isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            var matching = queries.matching(text);
            if (matching == null) return List.of();
            query.add(matching, Occur.MUST);
        }
        filter(query, "theme", search.theme());
        filter(query, "departmentCode", search.department());
        filter(query, "channel", search.channel());
        if (search.zeroVisitOnly()) query.add(new TermQuery(new Term("zeroVisit", "yes")), Occur.FILTER);
        try {
            var sort = new Sort(SortField.FIELD_SCORE, new SortField(ORDER, SortField.Type.INT));
            var top = searcher.search(query.build(), limit, sort);
            var stored = searcher.storedFields();
            var found = new ArrayList<ItemSummary>(top.scoreDocs.length);
            for (var hit : top.scoreDocs) {
                int order =
                        stored.document(hit.doc).getField(ORDER).numericValue().intValue();
                found.add(entries.get(order).item());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void filter(BooleanQuery.Builder query, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) query.add(new TermQuery(new Term(field, value.strip())), Occur.FILTER);
    }

    /** The query alone, for tests and the ADR's explanation. */
    @Nullable
    Query query(String text) {
        return queries.matching(QueryExpansion.normalize(text));
    }
}
