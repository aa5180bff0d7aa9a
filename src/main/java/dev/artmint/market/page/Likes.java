package dev.artmint.market.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Likes of published, visible artworks. A user likes an artwork at most once: the like row and the artwork's
 * {@code like_count} change in one transaction, and the count only moves when a row was really added or removed, so
 * repeated and concurrent calls count once.
 */
@ApplicationScoped
public class Likes {

    private final EntityManager entityManager;

    Likes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Whether the user likes the artwork now, and how many do. */
    public record LikeState(boolean liked, int likes) {}

    /** Empty when the artwork is not published or hidden. */
    @Transactional
    public Optional<LikeState> like(UUID artworkId, UUID userId) {
        return visible(artworkId).map(likes -> {
            int added = entityManager
                    .createNativeQuery("""
                    insert into artwork_like (artwork_id, user_id, created_at) values (?1, ?2, now())
                    on conflict (artwork_id, user_id) do nothing""")
                    .setParameter(1, artworkId)
                    .setParameter(2, userId)
                    .executeUpdate();
            return new LikeState(true, added == 1 ? addToCount(artworkId, 1) : likes);
        });
    }

    /** Empty when the artwork is not published or hidden. */
    @Transactional
    public Optional<LikeState> unlike(UUID artworkId, UUID userId) {
        return visible(artworkId).map(likes -> {
            int removed = entityManager
                    .createNativeQuery("delete from artwork_like where artwork_id = ?1 and user_id = ?2")
                    .setParameter(1, artworkId)
                    .setParameter(2, userId)
                    .executeUpdate();
            return new LikeState(false, removed == 1 ? addToCount(artworkId, -1) : likes);
        });
    }

    private Optional<Integer> visible(UUID artworkId) {
        return entityManager
                .createNativeQuery(
                        "select like_count from artwork where id = ?1 and published and not hidden", Integer.class)
                .setParameter(1, artworkId)
                .getResultStream()
                .findFirst()
                .map(Integer.class::cast);
    }

    private int addToCount(UUID artworkId, int delta) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "update artwork set like_count = like_count + ?2 where id = ?1 returning like_count")
                        .setParameter(1, artworkId)
                        .setParameter(2, delta)
                        .getSingleResult())
                .intValue();
    }
}
