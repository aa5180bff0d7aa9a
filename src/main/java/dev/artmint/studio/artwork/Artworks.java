package dev.artmint.studio.artwork;

import dev.artmint.chain.TokenOwnership;
import dev.artmint.identity.Caller;
import dev.artmint.studio.search.SearchTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see an artwork: its creator while it is unpublished, everyone once published, and no one but an admin when an
 * admin has hidden it. Also the creator's gallery, searched and paged, and artworks as the API shows them.
 */
@ApplicationScoped
public class Artworks {

    /** One gallery page, newest first; {@code nextCursor} is null on the last page. */
    public record GalleryPage(List<ArtworkView> items, int page, int size, long total, String nextCursor) {}

    private final EntityManager entityManager;
    private final TokenOwnership ownership;

    Artworks(EntityManager entityManager, TokenOwnership ownership) {
        this.entityManager = entityManager;
        this.ownership = ownership;
    }

    @Transactional
    public Optional<Artwork> readable(UUID id, Caller caller) {
        return Artwork.<Artwork>findByIdOptional(id)
                .filter(artwork -> mayRead(artwork.published, artwork.hidden, artwork.creatorId, caller));
    }

    /** The rule itself, for pages that read an artwork's columns without loading the entity. */
    public static boolean mayRead(boolean published, boolean hidden, UUID creatorId, Caller caller) {
        return caller.admin() || !hidden && (published || caller.is(creatorId));
    }

    /**
     * The creator's visible artworks, newest first (creation time, then id), those whose prompt, title or description
     * has every term of {@code q} when it is set. A page starts after {@code cursor} when one is given, otherwise
     * {@code page} pages of {@code size} in; either way the answer carries the cursor of the next page.
     */
    @Transactional
    public GalleryPage gallery(UUID creatorId, String q, String cursor, int page, int size) {
        Set<String> terms = q == null ? Set.of() : SearchTerms.ofQuery(q);
        if (q != null && terms.isEmpty()) {
            return new GalleryPage(List.of(), page, size, 0, null);
        }
        GalleryCursor after = cursor == null ? null : GalleryCursor.decode(cursor);
        String from = terms.isEmpty()
                ? " from artwork a where a.creator_id = :creator and not a.hidden"
                : " from artwork_prompt_search s join artwork a on a.id = s.artwork_id"
                        + " where s.creator_id = :creator and s.document @@ cast(:query as tsquery) and not a.hidden";
        long total = ((Number) bind(entityManager.createNativeQuery("select count(*)" + from), creatorId, terms)
                        .getSingleResult())
                .longValue();
        // a search pages down its own (creator, time, id) index; the same key, so the same order and cursors
        String key = terms.isEmpty() ? "a.created_at, a.id" : "s.created_at, s.artwork_id";
        String keyset = after == null ? "" : " and (" + key + ") < (:afterTime, :afterId)";
        String order = terms.isEmpty()
                ? " order by a.created_at desc, a.id desc"
                : " order by s.created_at desc, s.artwork_id desc";
        Query select = bind(
                        entityManager.createNativeQuery(
                                "select a.*" + from + keyset + order + " offset :offset limit :limit", Artwork.class),
                        creatorId,
                        terms)
                .setParameter("offset", after == null ? (long) page * size : 0L)
                .setParameter("limit", size + 1);
        if (after != null) {
            select.setParameter("afterTime", after.createdAtUtc()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Artwork> found = select.getResultList();
        List<Artwork> items = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size ? GalleryCursor.after(items.getLast()).encode() : null;
        return new GalleryPage(views(items), page, size, total, next);
    }

    private static Query bind(Query query, UUID creatorId, Set<String> terms) {
        query.setParameter("creator", creatorId);
        if (!terms.isEmpty()) {
            query.setParameter("query", SearchTerms.tsquery(terms));
        }
        return query;
    }

    /** The artworks as the API shows them, in the same order, with whether each one's token exists. */
    @Transactional
    public List<ArtworkView> views(List<Artwork> artworks) {
        Set<BigInteger> minted = ownership.existing(
                artworks.stream().map(artwork -> artwork.tokenId).toList());
        return artworks.stream()
                .map(artwork -> ArtworkView.of(artwork, minted.contains(artwork.tokenId)))
                .toList();
    }

    @Transactional
    public ArtworkView view(Artwork artwork) {
        return views(List.of(artwork)).getFirst();
    }

    /** The views of a job's artworks from the {@code skip}-th on, in the order the worker commits them. */
    @Transactional
    public List<ArtworkView> ofJob(UUID jobId, int skip) {
        List<Artwork> made = Artwork.ofJob(jobId);
        return made.size() <= skip ? List.of() : views(made.subList(skip, made.size()));
    }

    /** Hides an artwork with the admin's reason, or shows it again (the reason goes with it). */
    @Transactional
    public Optional<Artwork> setHidden(UUID id, boolean hidden, String reason) {
        return Artwork.<Artwork>findByIdOptional(id).map(artwork -> {
            artwork.hidden = hidden;
            artwork.hiddenReason = hidden ? reason.strip() : null;
            return artwork;
        });
    }
}
