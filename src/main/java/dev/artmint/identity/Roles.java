package dev.artmint.identity;

import java.util.Collection;
import java.util.List;

/** The realm roles ArtMint acts on; other roles in a token (offline_access and the like) are not kept. */
public final class Roles {

    public static final String CREATOR = "creator";
    public static final String COLLECTOR = "collector";
    public static final String ADMIN = "admin";

    private static final List<String> KNOWN = List.of(CREATOR, COLLECTOR, ADMIN);

    private Roles() {}

    static List<String> known(Collection<String> tokenRoles) {
        return KNOWN.stream().filter(tokenRoles::contains).toList();
    }
}
