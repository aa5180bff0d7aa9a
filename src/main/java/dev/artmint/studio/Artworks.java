package dev.artmint.studio;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

/**
 * Who may see an artwork: its creator while it is unpublished, everyone once published, and no one but an admin
 * when an admin has hidden it.
 */
@ApplicationScoped
public class Artworks {

    /** One page of artworks, newest first. */
    public record ArtworkPage(List<Artwork> items, int page, int size, long total) {
    }

    @Transactional
    public Optional<Artwork> readable(UUID id, UUID userId, boolean admin) {
        return Artwork.<Artwork>findByIdOptional(id)
                .filter(artwork -> mayRead(artwork.published, artwork.hidden, artwork.creatorId, userId, admin));
    }

    /** The rule itself, for pages that read an artwork's columns without loading the entity; userId null: anonymous. */
    public static boolean mayRead(boolean published, boolean hidden, UUID creatorId, UUID userId, boolean admin) {
        return admin || !hidden && (published || creatorId.equals(userId));
    }

    @Transactional
    public ArtworkPage createdBy(UUID userId, int page, int size) {
        var query = Artwork.<Artwork>find("creatorId = ?1 and hidden = false order by createdAt desc, imageIndex",
                userId).page(Page.of(page, size));
        return new ArtworkPage(query.list(), page, size, query.count());
    }

    @Transactional
    public Optional<Artwork> setHidden(UUID id, boolean hidden) {
        return Artwork.<Artwork>findByIdOptional(id).map(artwork -> {
            artwork.hidden = hidden;
            return artwork;
        });
    }
}
