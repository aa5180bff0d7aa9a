package dev.artmint.studio.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptSafetyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
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
        "斩　首|斩首"})
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
