package org.tongban.catalog.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The catalogue's analysis of Chinese (ADR 0025): Unicode word breaks (UAX #29) give each Han character as a token
 * and Latin words whole; full-width forms are folded and everything is lower case. A phrase of the characters typed
 * is then exactly a substring of the name. Values of a many-valued field (keywords) stand 100 positions apart, so
 * that no phrase joins two of them.
 */
final class ChineseAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String field) {
        var tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(new CJKWidthFilter(tokenizer)));
    }

    @Override
    protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String field) {
        return 100;
    }
}
