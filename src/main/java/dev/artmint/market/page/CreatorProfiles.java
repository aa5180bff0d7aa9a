package dev.artmint.market.page;

import dev.artmint.identity.User;
import dev.artmint.market.ArtworkImages;
import dev.artmint.market.KeysetCursor;
import dev.artmint.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creators' public profiles, their works paged by a keyset on publication time. */
@ApplicationScoped
public class CreatorProfiles {

    private static final String ORDER = "published";

    private final EntityManager entityManager;

    CreatorProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Throws a validation {@link Refusal} for a cursor this order did not issue. */
    static KeysetCursor cursor(String cursor) {
        return cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor, ORDER, KeysetCursor::fromMicros);
    }

    @Transactional
    public Optional<CreatorProfile> profile(String handle, KeysetCursor after, int limit) {
        return User.findByHandle(handle).map(user -> {
            List<CreatorProfile.Work> works = works(user.id, after, limit + 1);
            String next = null;
            if (works.size() > limit) {
                works = List.copyOf(works.subList(0, limit));
                CreatorProfile.Work last = works.getLast();
                next = KeysetCursor.encode(ORDER, KeysetCursor.micros(last.publishedAt()), last.artworkId());
            }
            return new CreatorProfile(
                    user.handle, user.displayName, user.bio, user.createdAt, counts(user.id), works, next);
        });
    }

    private CreatorProfile.Counts counts(UUID userId) {
        Object[] counts = (Object[])
                entityManager.createNativeQuery("""
                select (select count(*) from artwork where creator_id = ?1 and published and not hidden),
                       (select count(*) from sale where seller_id = ?1)""").setParameter(1, userId).getSingleResult();
        return new CreatorProfile.Counts(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<CreatorProfile.Work> works(UUID userId, KeysetCursor after, int rows) {
        var query = entityManager
                .createNativeQuery("""
                select a.id, a.title, a.like_count, l.price_wei, a.published_at, t.token_id is not null from artwork a
                left join listing l on l.artwork_id = a.id and l.status = 'ACTIVE'
                left join token_owner t on t.token_id = a.token_id
                where a.creator_id = ?1 and a.published and not a.hidden"""
                        + (after == null ? "" : " and (a.published_at, a.id) < (?3, ?4)")
                        + " order by a.published_at desc, a.id desc limit ?2")
                .setParameter(1, userId)
                .setParameter(2, rows);
        if (after != null) {
            query.setParameter(3, after.key()).setParameter(4, after.id());
        }
        List<CreatorProfile.Work> works = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            UUID id = (UUID) row[0];
            works.add(new CreatorProfile.Work(
                    id,
                    (String) row[1],
                    ArtworkImages.thumbnailUrl(id),
                    ((Number) row[2]).intValue(),
                    row[3] == null ? null : ((BigDecimal) row[3]).toBigInteger().toString(),
                    instant(row[4]),
                    (Boolean) row[5]));
        }
        return works;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
