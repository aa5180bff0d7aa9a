package dev.artmint.studio.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.studio.StudioConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class PromptSafetyTest {

    /** The default blocklist ({@link StudioConfig#blocklist()}) and words that innocent words contain. */
    private static final List<String> BLOCKLIST = List.of(
            "gore",
            "beheading",
            "child porn",
            "csam",
            "nude child",
            "血腥",
            "斩首",
            "儿童色情",
            "rape",
            "rapist",
            "cunt",
            "ass",
            "cock",
            "anal",
            "porn");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ＧＯＲＥ|gore",
                "g\u200bo\u200br\u200be|gore",
                "ﬁre ﬂy|fire fly",
                "Straße|strasse",
                "İstanbul|istanbul",
                "Café Ærø Łódź|cafe aero lodz",
                "&lt;b&gt;gore&amp;amp;|<b>gore&",
                "&#103;&#x6f;re|gore",
                "&amp;#103;ore|gore",
                "gоrе|gore",
                "ρоrn|porn",
                "𝐠𝐨𝐫𝐞 ⓖⓞⓡⓔ|gore gore",
                "ɢᴏʀᴇ|gore",
                "兒童色情 斬首|儿童色情 斩首",
                "Москва Αθήνα|mockba aθhva",
                "  A\tRed   Fox |a red fox"
            })
    void foldingReadsTheTextAsTheModelDoesAndFoldsLookAlikes(String text, String folded) {
        assertEquals(folded, PromptFolding.fold(text));
    }

    /** Ways of writing a blocked term that a reader, and the model, still read as the term. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a gore scene|gore",
                "GoRe|gore",
                "ＧＯＲＥ fest|gore",
                "g o r e|gore",
                "a g o r e scene|gore",
                "g.o-r_e!|gore",
                "g\u200bo\u200br\u200be|gore",
                "g\u00adore|gore",
                "gore-fest|gore",
                "gore2|gore",
                "g0re|gore",
                "g0r3|gore",
                "gör̈e|gore",
                "gòré|gore",
                "gоrе in Cyrillic|gore",
                "gοre in Greek|gore",
                "ɢᴏʀᴇ in small capitals|gore",
                "𝐠𝐨𝐫𝐞 in bold|gore",
                "ⓖⓞⓡⓔ circled|gore",
                "&#103;ore|gore",
                "&#x67;&#x6F;&#x72;&#x65;|gore",
                "&amp;#103;ore|gore",
                "be-head-ing of a statue|beheading",
                "b3h34d1ng|beheading",
                "BEHEADING|beheading",
                "child porn|child porn",
                "childporn|child porn",
                "chi1d p0rn|child porn",
                "c h i l d p o r n|child porn",
                "child-porn|child porn",
                "ρоrn|porn",
                "p*o*r*n|porn",
                "nude  child|nude child",
                "c$am|csam",
                "C.S.A.M.|csam",
                "r@pe|rape",
                "r4pe|rape",
                "rap1st|rapist",
                "4n4l|anal",
                "a$$|ass",
                "@ss|ass",
                "c0ck|cock",
                "cunt|cunt",
                "血腥的场面|血腥",
                "血 腥|血腥",
                "血，腥|血腥",
                "斩　首|斩首",
                "斬首|斩首",
                "兒童色情|儿童色情",
                "儿童，色情|儿童色情",
                "gore血|gore",
                "&#34880;&#33125;|血腥"
            })
    void refusesEvasions(String prompt, String term) {
        assertEquals(term.isEmpty() ? Optional.empty() : Optional.of(term), safety().blockedTerm(prompt), prompt);
    }

    /** Prompts that hold a blocked term inside a longer word, or look like one, and are fine. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "a red fox in the snow",
                "a foggy morning in Scunthorpe",
                "assassin's creed concept art",
                "a cocktail on a beach bar",
                "a therapist's office with plants",
                "a bunch of grapes",
                "grape harvest in Tuscany",
                "an analyst at her desk",
                "the Grand Canal in Venice",
                "a banal suburban street",
                "a peacock in a garden",
                "Hancock Tower at dusk",
                "a bass guitar on a stage",
                "a classroom full of children",
                "a mountain pass at sunrise",
                "Sussex countryside",
                "a brass band",
                "velvet drapes",
                "a rapeseed field in May",
                "scraped knees on a playground",
                "gourmet food",
                "an illustration in the style of Edward Gorey",
                "Goregaon station at night",
                "a gorgeous sunset",
                "Igor eats soup",
                "a popcorn stand",
                "a nude-coloured dress",
                "children playing in a park",
                "a 4k wallpaper",
                "a 1990s poster",
                "R2-D2 and C-3PO",
                "a $5 coffee",
                "@artmint style",
                "Agent 007 in a tuxedo",
                "5 a side football",
                "Москва at night",
                "Αθήνα, the Acropolis",
                "山水畫",
                "儿童节的彩色画",
                "血液循環圖",
                "首斩草",
                "a harassed waiter",
                "Dickens' London"
            })
    void acceptsInnocentPrompts(String prompt) {
        assertEquals(Optional.empty(), safety().blockedTerm(prompt), prompt);
    }

    @Test
    void blocklistTermsAreFoldedTooAndAnswerAsWritten() {
        PromptSafety safety = new PromptSafety(List.of("  Be-Head-ing ", "ＣＳＡＭ", "斬首"));

        assertEquals(Optional.of("Be-Head-ing"), safety.blockedTerm("a beheading"));
        assertEquals(Optional.of("ＣＳＡＭ"), safety.blockedTerm("c.s.a.m"));
        assertEquals(Optional.of("斬首"), safety.blockedTerm("斩首"));
    }

    @Test
    void termsThatFoldToNothingBlockNothing() {
        PromptSafety safety = new PromptSafety(List.of("", "   ", "!!!", "--"));

        assertEquals(Optional.empty(), safety.blockedTerm("a red fox in the snow"));
    }

    @Test
    void anAbsentTextIsNotBlocked() {
        assertEquals(Optional.empty(), safety().blockedTerm(null));
    }

    private static PromptSafety safety() {
        return new PromptSafety(BLOCKLIST);
    }
}
