package org.tongban.catalog.internal;

import static org.tongban.catalog.internal.SearchIndex.CHINESE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * What a search text matches, and in which order (ADR 0025). Each way of matching scores a fixed amount, and an
 * item's score is the sum of the ways it matches; the amounts are far enough apart that the order is by tiers:
 * <ol>
 *   <li>the name is the text (100 000);
 *   <li>the name contains the text, or its pinyin starts with it, or its English name has every word of it
 *       (10 000);
 *   <li>the name is or contains what the synonym list reads into the text (1 000);
 *   <li>a keyword (100), a result the item yields (60) or the department
 *       (20) contains the text or a synonym of it;
 *   <li>most pairs of neighbouring characters of a longer text appear in the name, keywords or results
 *       (2 a pair found, so that the item with more of them comes first): 营业执照丢了 finds
 *       营业执照补领 (its name and its keyword 执照丢了) before the items that only yield a 营业执照.
 * </ol>
 * Words of a question (怎么办, 如何办理, 我要) are left out of a second reading of the text, which counts as typed.
 * Items of the same score keep catalogue order (department, then name).
 */
final class SearchQuery {

    static final float EXACT = 100_000;
    static final float NAME = 10_000;
    static final float SYNONYM_NAME = 1_000;
    static final float KEYWORD = 100;
    static final float RESULT = 60;
    static final float DEPARTMENT = 20;
    static final float LOOSE = 2;

    /**
     * The longest text searched; the rest is left out. With at most 12 readings, the loose match of the first 4 and
     * 3 fields a pair, a query stays under Lucene's 1,024 clauses.
     */
    static final int MAX_TEXT = 30;

    private static final int LOOSE_READINGS = 4;

    /** Share of a longer text's character pairs that must appear for a loose match. */
    private static final double LOOSE_SHARE = 0.6;

    private static final QueryBuilder CHINESE_QUERIES = new QueryBuilder(CHINESE);
    private static final QueryBuilder ENGLISH_QUERIES = new QueryBuilder(new EnglishAnalyzer());

    private final QueryExpansion expansion;

    SearchQuery(QueryExpansion expansion) {
        this.expansion = expansion;
    }

    /** The query of a normalized, non-empty text; null when nothing in it can match. */
    @Nullable
    Query matching(String given) {
        var text = given.length() > MAX_TEXT ? given.substring(0, MAX_TEXT).strip() : given;
        var query = new BooleanQuery.Builder();
        boolean any = false;
        var alternatives = expansion.alternatives(text);
        int looseLeft = LOOSE_READINGS;
        for (var alternative : alternatives) {
            boolean typed = alternative.equals(text) || alternative.equals(QueryExpansion.withoutFillers(text));
            any |= add(
                    query, new TermQuery(new Term(SearchIndex.NAME_EXACT, alternative)), typed ? EXACT : SYNONYM_NAME);
            any |= add(query, phrase(SearchIndex.NAME, alternative), typed ? NAME : SYNONYM_NAME);
            any |= add(query, phrase(SearchIndex.KEYWORDS, alternative), KEYWORD);
            any |= add(query, phrase(SearchIndex.RESULTS, alternative), RESULT);
            any |= add(query, phrase(SearchIndex.DEPARTMENT, alternative), DEPARTMENT);
            if (looseLeft-- > 0) any |= addScored(query, loose(alternative));
        }
        if (QueryExpansion.latin(text)) {
            any |= add(query, new PrefixQuery(new Term(SearchIndex.PINYIN, text.replace(" ", ""))), NAME);
            any |= add(query, ENGLISH_QUERIES.createBooleanQuery(SearchIndex.NAME_EN, text, Occur.MUST), NAME);
        }
        return any ? query.build() : null;
    }

    private static boolean add(BooleanQuery.Builder query, @Nullable Query clause, float score) {
        if (clause == null) return false;
        query.add(new BoostQuery(new ConstantScoreQuery(clause), score), Occur.SHOULD);
        return true;
    }

    /** A clause that keeps its own score (the loose match: 2 a pair of characters found). */
    private static boolean addScored(BooleanQuery.Builder query, @Nullable Query clause) {
        if (clause == null) return false;
        query.add(clause, Occur.SHOULD);
        return true;
    }

    private static @Nullable Query phrase(String field, String text) {
        return CHINESE_QUERIES.createPhraseQuery(field, text);
    }

    /** Most neighbouring pairs of the text's Chinese characters, in the name, keywords or results; null if short. */
    private static @Nullable Query loose(String text) {
        var characters = chineseCharacters(text);
        if (characters.size() < 3) return null;
        var pairs = new BooleanQuery.Builder();
        int count = 0;
        for (int i = 0; i + 1 < characters.size(); i++) {
            var pair = new BooleanQuery.Builder();
            for (var field : List.of(SearchIndex.NAME, SearchIndex.KEYWORDS, SearchIndex.RESULTS)) {
                pair.add(new PhraseQuery(field, characters.get(i), characters.get(i + 1)), Occur.SHOULD);
            }
            pairs.add(new BoostQuery(new ConstantScoreQuery(pair.build()), LOOSE), Occur.SHOULD);
            count++;
        }
        pairs.setMinimumNumberShouldMatch((int) Math.ceil(count * LOOSE_SHARE));
        return pairs.build();
    }

    private static List<String> chineseCharacters(String text) {
        var characters = new ArrayList<String>();
        try (var tokens = CHINESE.tokenStream(SearchIndex.NAME, text)) {
            var term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                var token = term.toString();
                if (token.codePointCount(0, token.length()) == 1
                        && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN) {
                    characters.add(token);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return characters;
    }
}
