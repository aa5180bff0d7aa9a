package dev.artmint.identity;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What an OIDC access token says about its holder. */
record TokenProfile(String subject, String handle, String displayName, List<String> roles) {

    static TokenProfile of(JsonWebToken token, Set<String> roles) {
        String handle = firstNonBlank(token.getClaim("preferred_username"), token.getSubject());
        String displayName = firstNonBlank(token.getClaim("name"), handle);
        return new TokenProfile(token.getSubject(), handle, displayName, Roles.known(roles));
    }

    private static String firstNonBlank(Object value, String fallback) {
        return value != null && !value.toString().isBlank() ? value.toString() : fallback;
    }
}
