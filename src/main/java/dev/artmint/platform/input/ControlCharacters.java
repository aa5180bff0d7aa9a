package dev.artmint.platform.input;

import java.util.Optional;

/**
 * The characters no text ArtMint takes may hold: the C0 and C1 control characters and DEL. PostgreSQL refuses NUL in
 * text outright, and the others have no place in a title, a handle or an address; multi-line text (a prompt, a
 * description) may hold tab, line feed and carriage return.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** Where {@code text} holds its first refused character, such as "U+0000 at position 3"; empty when nowhere. */
    public static Optional<String> find(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (refused(c, multiline)) {
                return Optional.of(String.format("U+%04X at position %d", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /** The message of a field that holds a refused character. */
    public static String message(String found) {
        return "must not contain control characters; found " + found;
    }

    /** {@code text} with every control character written as its code point, fit to name a hostile field. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> {
            if (refused((char) c, false)) {
                out.append(String.format("U+%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.length() > 100 ? out.substring(0, 100) + "..." : out.toString();
    }

    private static boolean refused(char c, boolean multiline) {
        if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
