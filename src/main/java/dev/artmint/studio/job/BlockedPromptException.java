package dev.artmint.studio.job;

/** A prompt matched the blocklist; {@code field} is the prompt it was found in. */
public class BlockedPromptException extends RuntimeException {

    private final String field;

    public BlockedPromptException(String field, String term) {
        super(field + " contains the blocked term \"" + term + "\"");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
