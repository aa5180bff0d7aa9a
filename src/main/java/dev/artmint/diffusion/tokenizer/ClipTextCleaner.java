package dev.artmint.diffusion.tokenizer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's prompt clean-up: the text repairs of ftfy.fix_text that do not need its mojibake tables
 * (curly quotes, Latin ligatures, full-width characters, control characters, NFC), HTML unescaping twice,
 * whitespace collapsing and lower-casing, in the order CLIP's simple tokenizer applies them.
 */
final class ClipTextCleaner {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"), Map.entry("raquo", "\u00bb"), Map.entry("deg", "\u00b0"),
            Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"), Map.entry("uuml", "\u00fc"),
            Map.entry("ouml", "\u00f6"), Map.entry("auml", "\u00e4"), Map.entry("szlig", "\u00df"));

    private ClipTextCleaner() {
    }

    static String clean(String text) {
        String fixed = fixText(text);
        fixed = unescapeHtml(unescapeHtml(fixed)).strip();
        return WHITESPACE.matcher(fixed).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    private static String fixText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isControl(cp)) {
                return;
            }
            if (cp == 0x02bc || (cp >= 0x2018 && cp <= 0x201b)) {
                out.append('\'');
            } else if (cp >= 0x201c && cp <= 0x201f) {
                out.append('"');
            } else if (isLigatureOrWidthForm(cp)) {
                out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isControl(int cp) {
        return (cp <= 0x08) || cp == 0x0b || (cp >= 0x0e && cp <= 0x1f) || cp == 0x7f
                || (cp >= 0x206a && cp <= 0x206f) || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffc);
    }

    private static boolean isLigatureOrWidthForm(int cp) {
        return cp == 0x0132 || cp == 0x0133 || (cp >= 0x01c7 && cp <= 0x01cc) || (cp >= 0x01f1 && cp <= 0x01f3)
                || (cp >= 0xfb00 && cp <= 0xfb06) || cp == 0x3000 || (cp >= 0xff01 && cp <= 0xff5e);
    }

    private static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement = codePoint(entity.substring(2), 16);
            } else if (entity.startsWith("#")) {
                replacement = codePoint(entity.substring(1), 10);
            } else {
                replacement = NAMED_ENTITIES.get(entity);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
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
