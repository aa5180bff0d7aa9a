package dev.artmint.studio.job;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import dev.artmint.diffusion.tokenizer.ClipTokenizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A prompt as the blocklist reads it: the text the model sees, with every way of drawing the same word folded into one.
 * In order: the tokenizer's own clean-up ({@link ClipTokenizer#cleanText}: HTML entities unescaped twice, as the model
 * reads them); NFKC with case folding (full-width and mathematical letters, ligatures, "ß", and the invisible
 * default-ignorable characters such as zero-width spaces dropped); traditional to simplified Chinese; accents and other
 * marks stripped and Latin letters to ASCII ("ø", "ł", "æ"); then letters of other scripts drawn like a Latin one
 * (Cyrillic "о", Greek "ρ", small capitals) to that letter, by Unicode's confusables data. ICU4J does each step. Digits
 * and symbols that stand for letters are folded where words are cut ({@link PromptSafety}), since "4k" and "$5" must
 * stay what they are everywhere else.
 */
final class PromptFolding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Transliterator SCRIPT_FOLDS =
            Transliterator.getInstance("Traditional-Simplified; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII");
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final Map<Integer, Integer> LATIN_LOOK_ALIKES = new ConcurrentHashMap<>();

    private PromptFolding() {}

    static String fold(String text) {
        String folded = NFKC_CASEFOLD.normalize(ClipTokenizer.cleanText(text));
        // a Transliterator is not safe for concurrent use, and prompts are checked once per submission
        synchronized (SCRIPT_FOLDS) {
            folded = SCRIPT_FOLDS.transliterate(folded);
        }
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().map(PromptFolding::latinLookAlike).forEach(out::appendCodePoint);
        // Latin-ASCII writes small capitals as capitals
        return NFKC_CASEFOLD.normalize(out);
    }

    /** Letters and digits of scripts written without spaces between words, where terms match anywhere. */
    static boolean unspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR, BOPOMOFO, TIBETAN -> true;
            default -> false;
        };
    }

    private static int latinLookAlike(int codePoint) {
        if (codePoint < 0x80 || !Character.isLetter(codePoint) || unspaced(codePoint)) {
            return codePoint;
        }
        return LATIN_LOOK_ALIKES.computeIfAbsent(codePoint, PromptFolding::skeletonLetter);
    }

    /** The ASCII letter a letter's confusables skeleton is, as drawn or as its capital ("т" is drawn like "Т"). */
    private static int skeletonLetter(int codePoint) {
        String letter = new String(Character.toChars(codePoint));
        for (String form : new String[] {letter, UCharacter.toUpperCase(letter)}) {
            String skeleton;
            synchronized (CONFUSABLES) {
                skeleton = CONFUSABLES.getSkeleton(form);
            }
            if (skeleton.length() == 1 && isAsciiLetter(skeleton.charAt(0))) {
                return Character.toLowerCase(skeleton.charAt(0));
            }
        }
        return codePoint;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
