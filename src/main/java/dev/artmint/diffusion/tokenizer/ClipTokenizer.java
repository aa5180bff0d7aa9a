package dev.artmint.diffusion.tokenizer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CLIP's byte-level BPE tokenizer over a Hugging Face vocab.json and merges.txt. */
public final class ClipTokenizer {

    private static final String BEGIN = "<|startoftext|>";
    private static final String END = "<|endoftext|>";
    private static final String END_OF_WORD = "</w>";
    private static final int DEFAULT_MAX_LENGTH = 77;
    private static final Pattern PRE_TOKENS = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> vocabulary;
    private final Map<String, Integer> mergeRanks;
    private final char[] byteToChar = byteEncoder();
    // every distinct word of every prompt would stay otherwise: past this many, words are merged afresh each time
    static final int MAX_CACHED_WORDS = 20_000;

    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
    private final int beginId;
    private final int endId;
    private final int padId;
    private final int maxLength;

    public ClipTokenizer(Map<String, Integer> vocabulary, List<String> merges, int maxLength, String padToken) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("max length must leave room for the begin and end tokens");
        }
        this.vocabulary = Map.copyOf(vocabulary);
        this.mergeRanks = new HashMap<>();
        for (String merge : merges) {
            mergeRanks.putIfAbsent(merge, mergeRanks.size());
        }
        this.beginId = id(BEGIN);
        this.endId = id(END);
        this.padId = padToken == null ? endId : id(padToken);
        this.maxLength = maxLength;
    }

    /** Reads vocab.json, merges.txt and, when present, tokenizer_config.json from a tokenizer folder. */
    public static ClipTokenizer load(Path folder) {
        ObjectMapper json = new ObjectMapper();
        try {
            Map<String, Integer> vocabulary =
                    json.readValue(folder.resolve("vocab.json").toFile(), new TypeReference<>() {});
            List<String> merges = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("merges.txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#version")) {
                    merges.add(line);
                }
            }
            int maxLength = DEFAULT_MAX_LENGTH;
            String padToken = null;
            Path config = folder.resolve("tokenizer_config.json");
            if (Files.exists(config)) {
                JsonNode node = json.readTree(config.toFile());
                long declared = node.path("model_max_length").asLong(DEFAULT_MAX_LENGTH);
                // Hugging Face writes a huge sentinel when a tokenizer has no limit of its own
                maxLength = declared > 0 && declared < 100_000 ? (int) declared : DEFAULT_MAX_LENGTH;
                JsonNode pad = node.path("pad_token");
                padToken = pad.isTextual() ? pad.asText() : pad.path("content").asText(null);
            }
            return new ClipTokenizer(vocabulary, merges, maxLength, padToken);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer from " + folder, e);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * The text as the tokenizer reads it, after its own clean-up (HTML unescaping, whitespace, lower case): what a
     * filter must check, since the model sees this and not what was typed.
     */
    public static String cleanText(String text) {
        return ClipTextCleaner.clean(text);
    }

    /** The BPE token ids of the cleaned text, without begin/end tokens or padding. */
    public List<Integer> tokenIds(String text) {
        List<Integer> ids = new ArrayList<>();
        Matcher matcher = PRE_TOKENS.matcher(ClipTextCleaner.clean(text));
        while (matcher.find()) {
            // CLIP's pattern keeps the special tokens whole and its BPE cache maps them to themselves
            if (matcher.group().equals(BEGIN) || matcher.group().equals(END)) {
                ids.add(id(matcher.group()));
                continue;
            }
            StringBuilder encoded = new StringBuilder();
            for (byte b : matcher.group().getBytes(StandardCharsets.UTF_8)) {
                encoded.append(byteToChar[b & 0xff]);
            }
            for (String piece : bpe(encoded.toString())) {
                ids.add(id(piece));
            }
        }
        return ids;
    }

    /** Begin token, at most {@code maxLength - 2} text tokens, end token, padding to {@code maxLength}. */
    public TokenizedPrompt encode(String text, int length) {
        List<Integer> tokens = tokenIds(text);
        int room = length - 2;
        boolean truncated = tokens.size() > room;
        int kept = Math.min(tokens.size(), room);
        int[] ids = new int[length];
        ids[0] = beginId;
        for (int i = 0; i < kept; i++) {
            ids[i + 1] = tokens.get(i);
        }
        ids[kept + 1] = endId;
        for (int i = kept + 2; i < length; i++) {
            ids[i] = padId;
        }
        return new TokenizedPrompt(ids, kept + 2, truncated);
    }

    public TokenizedPrompt encode(String text) {
        return encode(text, maxLength);
    }

    private List<String> bpe(String token) {
        List<String> known = cache.get(token);
        if (known != null) {
            return known;
        }
        List<String> merged = merge(token);
        if (cache.size() < MAX_CACHED_WORDS) {
            cache.putIfAbsent(token, merged);
        }
        return merged;
    }

    /** How many words' merges are kept: at most {@link #MAX_CACHED_WORDS}. */
    int cachedWords() {
        return cache.size();
    }

    private List<String> merge(String token) {
        List<String> word = new ArrayList<>(token.length());
        for (int i = 0; i < token.length(); i++) {
            word.add(String.valueOf(token.charAt(i)));
        }
        word.set(word.size() - 1, word.getLast() + END_OF_WORD);
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = mergeRanks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i + 1 < word.size()
                        && word.get(i).equals(first)
                        && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        return word;
    }

    private int id(String piece) {
        Integer id = vocabulary.get(piece);
        if (id == null) {
            throw new IllegalArgumentException("token '" + piece + "' is missing from the vocabulary");
        }
        return id;
    }

    /** GPT-2's reversible byte to printable character table that CLIP reuses. */
    private static char[] byteEncoder() {
        char[] table = new char[256];
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
            table[b] = printable ? (char) b : (char) (256 + extra++);
        }
        return table;
    }
}
