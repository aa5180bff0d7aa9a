package dev.artmint.diffusion.tokenizer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's prompt clean-up as its simple tokenizer does it: HTML unescaping twice, stripping, collapsing whitespace and
 * lower-casing. ftfy.fix_text is left out, exactly as in the reference tokenizer the bundled model was trained with
 * (models/training/clip_tokenizer.py): the ids must match training.
 */
final class ClipTextCleaner {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", "\u00a0"),
            Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"),
            Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"),
            Map.entry("deg", "\u00b0"),
            Map.entry("eacute", "\u00e9"),
            Map.entry("egrave", "\u00e8"),
            Map.entry("uuml", "\u00fc"),
            Map.entry("ouml", "\u00f6"),
            Map.entry("auml", "\u00e4"),
            Map.entry("szlig", "\u00df"));
    /** The entities HTML5 (and Python's html.unescape) also accept without the closing semicolon. */
    private static final Set<String> LEGACY = Set.of(
            "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "laquo", "raquo", "deg", "eacute", "egrave", "uuml",
            "ouml", "auml", "szlig");

    private ClipTextCleaner() {}

    static String clean(String text) {
        String unescaped = unescapeHtml(unescapeHtml(text));
        return WHITESPACE.matcher(unescaped).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    private static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String replacement(String entity) {
        boolean terminated = entity.endsWith(";");
        String body = terminated ? entity.substring(0, entity.length() - 1) : entity;
        if (body.startsWith("#x") || body.startsWith("#X")) {
            return codePoint(body.substring(2), 16);
        }
        if (body.startsWith("#")) {
            return codePoint(body.substring(1), 10);
        }
        if (terminated && NAMED_ENTITIES.containsKey(body)) {
            return NAMED_ENTITIES.get(body);
        }
        // without a semicolon the longest legacy entity prefix wins, the rest stays text
        for (int end = body.length(); end > 1; end--) {
            String prefix = body.substring(0, end);
            if (LEGACY.contains(prefix)) {
                return NAMED_ENTITIES.get(prefix) + entity.substring(end);
            }
        }
        return "&" + entity;
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) && (cp < 0xd800 || cp > 0xdfff) && cp != 0
                    ? new String(Character.toChars(cp))
                    : "\ufffd";
        } catch (NumberFormatException e) {
            return "\ufffd";
        }
    }
}
