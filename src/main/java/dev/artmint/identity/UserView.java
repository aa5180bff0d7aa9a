package dev.artmint.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows them. */
public record UserView(UUID id, String handle, String displayName, List<String> roles, String bio, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id, user.handle, user.displayName, List.copyOf(user.roles), user.bio, user.createdAt);
    }
}
