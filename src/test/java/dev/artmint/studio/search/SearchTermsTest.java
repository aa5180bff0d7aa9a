package dev.artmint.studio.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SearchTermsTest {

    @Test
    void englishIsLowerCasedStemmedAndLosesStopWordsAndPossessives() {
        assertEquals(
                List.of("red", "circl", "abov", "blue", "sea", "sunset"),
                List.copyOf(SearchTerms.ofDocument("A Red circle above a blue sea at sunset")));
        assertEquals(List.of("painter", "circl"), List.copyOf(SearchTerms.ofQuery("the painter's CIRCLES")));
    }

    @Test
    void chineseDocumentsKeepBigramsAndCharactersQueriesAskForBigrams() {
        Set<String> document = SearchTerms.ofDocument("夕阳下蓝色大海上方的红色圆形,水彩");
        assertTrue(document.containsAll(List.of("夕阳", "红色", "色圆", "圆形", "水彩", "海", "红")), document.toString());
        assertEquals(List.of("红色", "色圆", "圆形"), List.copyOf(SearchTerms.ofQuery("红色圆形")));
        assertEquals(List.of("夕阳"), List.copyOf(SearchTerms.ofQuery("夕阳")));
        // a lone character is asked for as itself, and documents have each character
        assertEquals(List.of("海"), List.copyOf(SearchTerms.ofQuery("海")));
    }

    @Test
    void mixedScriptsAndFullWidthFormsAreCut() {
        assertEquals(List.of("watercolor", "红色", "circl"), List.copyOf(SearchTerms.ofQuery("ｗａｔｅｒｃｏｌｏｒ 红色 circle")));
    }

    @Test
    void theTsqueryQuotesEveryTermAndEscapesQuotes() {
        Set<String> terms = new LinkedHashSet<>(List.of("red", "o'neil", "a\\b"));
        assertEquals("'red' & 'o''neil' & 'a\\\\b'", SearchTerms.tsquery(terms));
    }

    @Test
    void punctuationAndStopWordsAloneGiveNoTerm() {
        assertTrue(SearchTerms.ofQuery("the !!! of").isEmpty());
    }
}
