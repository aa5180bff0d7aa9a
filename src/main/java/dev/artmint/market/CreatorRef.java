package dev.artmint.market;

/** Who made an artwork, as a marketplace page names them. */
public record CreatorRef(String handle, String displayName) {}
