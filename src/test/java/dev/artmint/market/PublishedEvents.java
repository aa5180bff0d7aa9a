package dev.artmint.market;

import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link ArtworkPublished} event the way a search index would see it: inside the transaction. */
@ApplicationScoped
public class PublishedEvents {

    /** One event: its artwork, whether a transaction was active and whether the artwork read as published there. */
    public record Seen(UUID artworkId, boolean inTransaction, boolean published) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void on(@Observes ArtworkPublished event) {
        boolean active = QuarkusTransaction.isActive();
        Artwork artwork = Artwork.findById(event.artworkId());
        seen.add(new Seen(event.artworkId(), active, artwork.published));
    }

    public List<Seen> of(UUID artworkId) {
        return seen.stream()
                .filter(event -> event.artworkId().equals(artworkId))
                .toList();
    }
}
