package dev.artmint.studio.job;

import dev.artmint.studio.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks prompts against the configured blocklist. Both sides are normalised first: NFKC (full-width letters become
 * ASCII), lower case, and everything but letters and digits dropped, so "G o.r-e", "ＧＯＲＥ" and "血 腥" match "gore" and
 * "血腥". Dropping word boundaries is deliberate: evasions split words, and a term is rarely hidden inside an innocent
 * word.
 */
@ApplicationScoped
public class PromptSafety {

    private final List<Term> terms;

    private record Term(String original, String normalised) {}

    @Inject
    PromptSafety(StudioConfig config) {
        this(config.blocklist());
    }

    PromptSafety(List<String> blocklist) {
        this.terms = blocklist.stream()
                .map(String::strip)
                .filter(term -> !term.isEmpty())
                .map(term -> new Term(term, normalise(term)))
                .filter(term -> !term.normalised().isEmpty())
                .toList();
    }

    /** The blocked term the text contains, if any. */
    public Optional<String> blockedTerm(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String normalised = normalise(text);
        return terms.stream()
                .filter(term -> normalised.contains(term.normalised()))
                .map(Term::original)
                .findFirst();
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
