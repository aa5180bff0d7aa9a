package dev.artmint.studio.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class PromptSafetyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "G o.r-e|gore",
                "ＧＯＲＥ|gore",
                "g\u200bo\u200br\u200be|gore",
                "ﬁre ﬂy|firefly",
                "Ⅻ ①|xii1",
                "R2-D2, C-3PO!|r2d2c3po",
                "Straße|straße",
                "İstanbul|istanbul",
                "血 腥|血腥",
                "儿童，色情|儿童色情",
                "斩　首|斩首",
                "Café au lait|caféaulait",
                "ｈｅｌｌｏ　ｗｏｒｌｄ|helloworld",
                "  \t!?.,;:-_|''"
            })
    void normalisingFoldsWidthAndCaseAndKeepsOnlyLettersAndDigits(String text, String normalised) {
        assertEquals(normalised, PromptSafety.normalise(text));
    }

    @Test
    void blocklistTermsAreNormalisedTooAndAnswerAsWritten() {
        PromptSafety safety = new PromptSafety(List.of("  Be-Head-ing ", "ＣＳＡＭ"));

        assertEquals(Optional.of("Be-Head-ing"), safety.blockedTerm("a beheading"));
        assertEquals(Optional.of("ＣＳＡＭ"), safety.blockedTerm("c.s.a.m"));
    }

    @Test
    void termsThatNormaliseToNothingBlockNothing() {
        PromptSafety safety = new PromptSafety(List.of("", "   ", "!!!", "--"));

        assertEquals(Optional.empty(), safety.blockedTerm("a red fox in the snow"));
    }

    @Test
    void anAbsentTextIsNotBlocked() {
        assertEquals(Optional.empty(), safety().blockedTerm(null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a gore scene|gore",
                "GoRe|gore",
                "g o r e|gore",
                "g.o-r_e!|gore",
                "ＧＯＲＥ fest|gore",
                "g\u200bo\u200br\u200be|gore",
                "be-head-ing of a statue|beheading",
                "血腥的场面|血腥",
                "血 腥|血腥",
                "血，腥|血腥",
                "斩　首|斩首"
            })
    void catchesTermsAndTheirEvasions(String prompt, String term) {
        assertEquals(Optional.of(term), safety().blockedTerm(prompt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a red fox in the snow", "山水画", "gourmet food", ""})
    void letsOrdinaryPromptsThrough(String prompt) {
        assertEquals(Optional.empty(), safety().blockedTerm(prompt));
    }

    private static PromptSafety safety() {
        return new PromptSafety(List.of("gore", "beheading", "血腥", "斩首"));
    }
}
