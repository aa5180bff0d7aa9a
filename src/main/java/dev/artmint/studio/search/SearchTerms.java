package dev.artmint.studio.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts text into search terms with Lucene's analysers: Unicode word boundaries (UAX #29), full-width forms folded,
 * English possessives, stop words and Porter stems, and overlapping bigrams for Chinese, Japanese and Korean, which are
 * written without spaces. Documents also keep each CJK character alone, so a one-character query finds them; a query
 * keeps only bigrams where it has them, so "红色圆形" asks for the pairs 红色, 色圆 and 圆形 rather than for its four characters
 * anywhere in the text. The marketplace's search and the creator's gallery both cut text here, so a query finds the
 * same artworks in each.
 */
public final class SearchTerms {

    private static final int CJK_SCRIPTS =
            CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
    private static final Analyzer DOCUMENT = analyzer(true);
    private static final Analyzer QUERY = analyzer(false);

    private SearchTerms() {}

    /** The distinct terms a document is found by. */
    public static Set<String> ofDocument(String text) {
        return terms(DOCUMENT, text);
    }

    /** Every term of the given texts together, for one document. */
    public static Set<String> ofDocument(List<String> texts) {
        Set<String> terms = new LinkedHashSet<>();
        texts.forEach(text -> terms.addAll(ofDocument(text)));
        return terms;
    }

    /** The distinct terms a query asks for, all of which a document must have. */
    public static Set<String> ofQuery(String text) {
        return terms(QUERY, text);
    }

    /**
     * A PostgreSQL tsquery that asks for every term, each a quoted lexeme taken as it is; bound as a parameter, never
     * written into SQL.
     */
    public static String tsquery(Set<String> terms) {
        return String.join(" & ", terms.stream().map(SearchTerms::quoted).toList());
    }

    private static String quoted(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return terms;
    }

    private static Analyzer analyzer(boolean cjkUnigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                stream = new CJKBigramFilter(stream, CJK_SCRIPTS, cjkUnigrams);
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
