package dev.artmint.diffusion.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixed vectors from the reference Python CLIP tokenizer (src/test/python/tokenizer_vectors.py) over the bundled
 * model's vocabulary: English, Chinese, emoji, Greek and Cyrillic, HTML entities, truncation.
 */
@Tag("unit")
class ClipTokenizerTest {

    private static ClipTokenizer tokenizer;
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path folder = Path.of(ClipTokenizerTest.class
                        .getResource("/diffusion/tokenizer/vocab.json")
                        .toURI())
                .getParent();
        tokenizer = ClipTokenizer.load(folder);
        try (InputStream in = ClipTokenizerTest.class.getResourceAsStream("/diffusion/tokenizer_vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    List<DynamicTest> matchesTheReferenceTokenizer() {
        assertEquals(vectors.get("model_max_length").asInt(), tokenizer.maxLength());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : vectors.get("vectors")) {
            String text = vector.get("text").asText();
            String name = "[" + tests.size() + "] " + (text.length() > 40 ? text.substring(0, 40) : text);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<Integer> tokens = new ArrayList<>();
                vector.get("tokens").forEach(id -> tokens.add(id.asInt()));
                assertEquals(tokens, tokenizer.tokenIds(text));
                int[] ids = new int[vector.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = vector.get("ids").get(i).asInt();
                }
                TokenizedPrompt encoded = tokenizer.encode(text);
                assertArrayEquals(ids, encoded.ids());
                assertEquals(tokens.size() > ids.length - 2, encoded.truncated());
            }));
        }
        assertTrue(tests.size() >= 20);
        return tests;
    }

    @Test
    void keepsTheMergesOfBoundedlyManyWordsAndStillTokenizesTheRest() throws Exception {
        Path folder = Path.of(ClipTokenizerTest.class
                        .getResource("/diffusion/tokenizer/vocab.json")
                        .toURI())
                .getParent();
        ClipTokenizer fresh = ClipTokenizer.load(folder);
        List<Integer> known = fresh.tokenIds("a lighthouse at dusk");
        for (int i = 0; i < ClipTokenizer.MAX_CACHED_WORDS + 5_000; i++) {
            fresh.tokenIds(letters(i));
        }
        assertEquals(ClipTokenizer.MAX_CACHED_WORDS, fresh.cachedWords());
        assertEquals(known, fresh.tokenIds("a lighthouse at dusk"));
        // a word met after the cache was full is merged afresh, to the same tokens
        String late = letters(ClipTokenizer.MAX_CACHED_WORDS + 4_000);
        assertEquals(tokenizer.tokenIds(late), fresh.tokenIds(late));
    }

    /** A word of letters only, one for each number, so that each is a word of its own. */
    private static String letters(int number) {
        StringBuilder word = new StringBuilder("zq");
        for (int rest = number; rest > 0; rest /= 26) {
            word.append((char) ('a' + rest % 26));
        }
        return word.toString();
    }

    @Test
    void wrapsTokensInBeginAndEndAndPadsWithEnd() {
        TokenizedPrompt prompt = tokenizer.encode("a red circle", 10);
        int begin = prompt.ids()[0];
        int end = prompt.ids()[prompt.length() - 1];
        assertEquals(tokenizer.tokenIds("a red circle").size() + 2, prompt.length());
        assertFalse(prompt.truncated());
        for (int i = prompt.length(); i < 10; i++) {
            assertEquals(end, prompt.ids()[i]);
        }
        assertTrue(begin != end);
    }

    @Test
    void truncatesToTheLengthKeepingTheEndToken() {
        TokenizedPrompt prompt = tokenizer.encode("a red circle above a blue sea at sunset", 5);
        assertTrue(prompt.truncated());
        assertEquals(5, prompt.length());
        assertEquals(tokenizer.encode("", 5).ids()[1], prompt.ids()[4], "the end token stays last");
    }

    @Test
    void cleansCaseWhitespaceAndEntitiesLikeClip() {
        assertEquals("tom & jerry <3", ClipTextCleaner.clean("  Tom &amp;amp;  Jerry\t&lt;3 "));
        assertEquals(tokenizer.tokenIds("a red circle"), tokenizer.tokenIds("A  RED\n circle"));
    }
}
