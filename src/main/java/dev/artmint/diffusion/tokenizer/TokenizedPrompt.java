package dev.artmint.diffusion.tokenizer;

/**
 * Token ids padded to the encoder's length: begin token, the text's tokens, end token, then padding. {@code length}
 * counts the real tokens including begin and end; {@code truncated} says text was cut.
 */
public record TokenizedPrompt(int[] ids, int length, boolean truncated) {}
