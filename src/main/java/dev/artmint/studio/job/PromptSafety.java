package dev.artmint.studio.job;

import dev.artmint.studio.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks prompts against the configured blocklist, on the text the model will see. Prompt and terms are both
 * {@linkplain PromptFolding folded} (HTML entities, width, case, accents, look-alike letters, traditional Chinese).
 * Terms of scripts written without spaces (Chinese, Japanese, ...) then match anywhere among the prompt's letters, so
 * "血 腥" and "血，腥" match "血腥". Other terms match whole words only, so "Scunthorpe", "cocktail" and "therapist" pass a
 * blocklist that has their inner words, and a word may be cut or spelled out to hide it: pieces joined by punctuation
 * ("be-head-ing", "g.o.r.e"), letters one by one ("g o r e") and the words of a term with or without space between them
 * ("childporn") count as one word. Within a word digits and symbols are read as the letters they stand for (0 o, 1 i or
 * l, 3 e, 4 a, 5 s, 7 t, @ a, $ s), and read again as word breaks, so both "g0re" and "gore2" are caught.
 */
@ApplicationScoped
public class PromptSafety {

    /** Where a leet digit stands for either of two letters, the prompt keeps the digit and the match accepts both. */
    private static final char I_OR_L = '1';

    private final List<Term> terms;

    /** A term as written, its folded letters, and where its words meet in them; unspaced terms match anywhere. */
    private record Term(String original, String letters, Set<Integer> wordBreaks, boolean unspaced) {}

    /** A word of the prompt and whether a space (rather than punctuation only) separates it from the one before. */
    private record Word(String letters, boolean spaceBefore) {}

    @Inject
    PromptSafety(StudioConfig config) {
        this(config.blocklist());
    }

    PromptSafety(List<String> blocklist) {
        this.terms = blocklist.stream()
                .map(String::strip)
                .filter(term -> !term.isEmpty())
                .map(PromptSafety::term)
                .filter(term -> !term.letters().isEmpty())
                .toList();
    }

    /** The blocked term the text contains, if any. */
    public Optional<String> blockedTerm(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String folded = PromptFolding.fold(text);
        String letters = letters(folded);
        List<Word> leetWords = words(folded, true);
        List<Word> plainWords = words(folded, false);
        return terms.stream()
                .filter(term -> term.unspaced()
                        ? letters.contains(term.letters())
                        : containsWord(leetWords, term) || containsWord(plainWords, term))
                .map(Term::original)
                .findFirst();
    }

    private static Term term(String original) {
        String folded = PromptFolding.fold(original);
        if (folded.codePoints().anyMatch(PromptFolding::unspaced)) {
            return new Term(original, letters(folded), Set.of(), true);
        }
        StringBuilder letters = new StringBuilder();
        Set<Integer> breaks = new TreeSet<>();
        for (Word word : words(folded, true)) {
            if (!letters.isEmpty()) {
                breaks.add(letters.length());
            }
            letters.append(word.letters());
        }
        return new Term(original, letters.toString(), breaks, false);
    }

    /** The letters and digits of the text, without anything between them. */
    private static String letters(String folded) {
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * The words of a spaced script. With {@code leet}, digits and "@", "$" are letters (folded to the ones they stand
     * for); without, they break words like punctuation. Letters of unspaced scripts break words too.
     */
    private static List<Word> words(String folded, boolean leet) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            int letter = wordLetter(codePoint, leet);
            if (letter >= 0) {
                word.appendCodePoint(letter);
                continue;
            }
            if (!word.isEmpty()) {
                words.add(new Word(word.toString(), space));
                word.setLength(0);
                space = false;
            }
            space |= Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
        }
        if (!word.isEmpty()) {
            words.add(new Word(word.toString(), space));
        }
        return words;
    }

    /** The letter a character is within a word, or -1 where it breaks words. */
    private static int wordLetter(int codePoint, boolean leet) {
        if (PromptFolding.unspaced(codePoint)) {
            return -1;
        }
        int type = Character.getType(codePoint);
        if (Character.isLetter(codePoint)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return codePoint;
        }
        if (!leet) {
            return -1;
        }
        return switch (codePoint) {
            case '0' -> 'o';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> Character.isDigit(codePoint) ? codePoint : -1;
        };
    }

    /**
     * Whether consecutive words of the prompt spell the term: each join is punctuation, between two single letters, or
     * where the term's own words meet.
     */
    private static boolean containsWord(List<Word> words, Term term) {
        int length = term.letters().length();
        for (int start = 0; start < words.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < words.size() && run.length() < length; end++) {
                Word word = words.get(end);
                if (end > start && word.spaceBefore() && !joinable(words.get(end - 1), word, run.length(), term)) {
                    break;
                }
                run.append(word.letters());
                if (run.length() == length && sameLetters(run, term.letters())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean joinable(Word before, Word after, int offset, Term term) {
        boolean spelledOut = before.letters().length() == 1 && after.letters().length() == 1;
        return spelledOut || term.wordBreaks().contains(offset);
    }

    private static boolean sameLetters(CharSequence prompt, String term) {
        for (int i = 0; i < term.length(); i++) {
            char p = prompt.charAt(i);
            char t = term.charAt(i);
            if (p != t && !(p == I_OR_L && (t == 'i' || t == 'l'))) {
                return false;
            }
        }
        return true;
    }
}
