package dev.artmint.market.page;

import dev.artmint.chain.Addresses;
import dev.artmint.identity.User;
import dev.artmint.market.ArtworkImages;
import dev.artmint.market.CreatorRef;
import dev.artmint.market.KeysetCursor;
import dev.artmint.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A creator's Collected and Activity tabs, public data only: artworks that are unpublished or hidden do not show, and
 * each tab pages by a keyset of its own order.
 */
@ApplicationScoped
public class CreatorFeeds {

    private static final String COLLECTED = "collected";
    private static final String ACTIVITY = "activity";

    private static final String COLLECTED_SQL = """
            select a.id, t.token_id, a.title, u.handle, u.display_name, l.price_wei, t.block_number
            from wallet w
            join token_owner t on t.owner = w.address
            join artwork a on a.token_id = t.token_id
            join app_user u on u.id = a.creator_id
            left join listing l on l.artwork_id = a.id and l.status = 'ACTIVE'
            where w.user_id = ?1 and a.published and not a.hidden""";

    // the platform's record of a mint or transfer is the chain's change with the same hash: the change stays,
    // named after the platform's actor, as on the artwork page
    private static final String ACTIVITY_SQL = """
            select e.kind, e.at, e.artwork_id, e.title, e.actor, e.from_address, fu.handle, e.to_address, tu.handle,
                   e.price_wei, e.tx_hash, e.block_number, e.row_id
            from (
                select a.kind, a.created_at as at, w.id as artwork_id, w.title, u.handle as actor, a.from_address,
                       a.to_address, a.price_wei, a.tx_hash, cast(null as bigint) as block_number,
                       cast(md5('a' || a.id) as uuid) as row_id
                from artwork_activity a
                join artwork w on w.id = a.artwork_id
                left join app_user u on u.id = a.actor_id
                where (a.actor_id = ?1 or w.creator_id = ?1) and w.published and not w.hidden
                  and not (a.kind in ('MINTED', 'TRANSFERRED') and a.tx_hash is not null
                           and exists (select 1 from ownership_change c where c.tx_hash = a.tx_hash))
                union all
                select case when o.from_address = ?2 then 'MINTED' else 'TRANSFERRED' end, o.indexed_at, w.id, w.title,
                       (select u.handle from artwork_activity p join app_user u on u.id = p.actor_id
                        where p.tx_hash = o.tx_hash and p.kind in ('MINTED', 'TRANSFERRED') limit 1),
                       o.from_address, o.to_address, null, o.tx_hash, o.block_number, cast(md5('c' || o.id) as uuid)
                from ownership_change o
                join artwork w on w.token_id = o.token_id
                where (w.creator_id = ?1 or o.from_address = ?3 or o.to_address = ?3) and w.published and not w.hidden
            ) e
            left join wallet fw on fw.address = e.from_address
            left join app_user fu on fu.id = fw.user_id
            left join wallet tw on tw.address = e.to_address
            left join app_user tu on tu.id = tw.user_id""";

    private final EntityManager entityManager;

    CreatorFeeds(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Throws a validation {@link Refusal} for a cursor the Collected tab did not issue. */
    static KeysetCursor collectedCursor(String cursor) {
        return decode(cursor, COLLECTED, Long::parseLong);
    }

    /** Throws a validation {@link Refusal} for a cursor the Activity tab did not issue. */
    static KeysetCursor activityCursor(String cursor) {
        return decode(cursor, ACTIVITY, KeysetCursor::fromMicros);
    }

    private static KeysetCursor decode(String cursor, String order, Function<String, Object> key) {
        return cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor, order, key);
    }

    /** The tokens the user's custodial wallet holds now, most recently acquired first; empty for an unknown handle. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<CreatorFeedPage<CreatorFeedPage.Collected>> collected(
            String handle, KeysetCursor after, int limit) {
        return User.findByHandle(handle).map(user -> {
            Query query = entityManager
                    .createNativeQuery(COLLECTED_SQL
                            + (after == null ? "" : " and (t.block_number, a.id) < (?3, ?4)")
                            + " order by t.block_number desc, a.id desc limit ?2")
                    .setParameter(1, user.id)
                    .setParameter(2, limit + 1);
            if (after != null) {
                query.setParameter(3, after.key()).setParameter(4, after.id());
            }
            List<CreatorFeedPage.Collected> items = new ArrayList<>();
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                UUID id = (UUID) row[0];
                items.add(new CreatorFeedPage.Collected(
                        id,
                        ((BigDecimal) row[1]).toBigInteger().toString(),
                        (String) row[2],
                        new CreatorRef((String) row[3], (String) row[4]),
                        ArtworkImages.thumbnailUrl(id),
                        wei(row[5]),
                        ((Number) row[6]).longValue()));
            }
            if (items.size() <= limit) {
                return new CreatorFeedPage<>(items, null);
            }
            List<CreatorFeedPage.Collected> page = List.copyOf(items.subList(0, limit));
            CreatorFeedPage.Collected last = page.getLast();
            return new CreatorFeedPage<>(
                    page, KeysetCursor.encode(COLLECTED, Long.toString(last.acquiredInBlock()), last.artworkId()));
        });
    }

    /** What happened around the user, newest first; empty for an unknown handle. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<CreatorFeedPage<CreatorFeedPage.Event>> activity(String handle, KeysetCursor after, int limit) {
        return User.findByHandle(handle).map(user -> {
            List<?> wallets = entityManager
                    .createNativeQuery("select address from wallet where user_id = ?1", String.class)
                    .setParameter(1, user.id)
                    .getResultList();
            String wallet = wallets.isEmpty() ? "" : (String) wallets.getFirst();
            Query query = entityManager
                    .createNativeQuery(ACTIVITY_SQL
                            + (after == null ? "" : " where (e.at, e.row_id) < (?5, ?6)")
                            + " order by e.at desc, e.row_id desc limit ?4")
                    .setParameter(1, user.id)
                    .setParameter(2, Addresses.ZERO)
                    .setParameter(3, wallet)
                    .setParameter(4, limit + 1);
            if (after != null) {
                query.setParameter(5, after.key()).setParameter(6, after.id());
            }
            List<CreatorFeedPage.Event> items = new ArrayList<>();
            List<UUID> rowIds = new ArrayList<>();
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                UUID artworkId = (UUID) row[2];
                items.add(new CreatorFeedPage.Event(
                        (String) row[0],
                        instant(row[1]),
                        artworkId,
                        (String) row[3],
                        ArtworkImages.thumbnailUrl(artworkId),
                        (String) row[4],
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        (String) row[8],
                        wei(row[9]),
                        (String) row[10],
                        row[11] == null ? null : ((Number) row[11]).longValue()));
                rowIds.add((UUID) row[12]);
            }
            if (items.size() <= limit) {
                return new CreatorFeedPage<>(items, null);
            }
            List<CreatorFeedPage.Event> page = List.copyOf(items.subList(0, limit));
            return new CreatorFeedPage<>(
                    page,
                    KeysetCursor.encode(
                            ACTIVITY, KeysetCursor.micros(page.getLast().at()), rowIds.get(limit - 1)));
        });
    }

    private static String wei(Object value) {
        return value == null ? null : ((BigDecimal) value).toBigInteger().toString();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
