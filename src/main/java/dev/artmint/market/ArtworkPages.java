package dev.artmint.market;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.artmint.chain.ChainException;
import dev.artmint.chain.Contracts;
import dev.artmint.identity.User;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.Artwork;
import dev.artmint.studio.Artworks;

/**
 * Assembles an artwork's public page: the artwork, its creator, likes, active listing, token and history, the
 * last merging the platform's activity with the indexer's ownership changes, so transfers made outside the
 * platform appear too.
 */
@ApplicationScoped
public class ArtworkPages {

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private final Artworks artworks;
    private final Contracts contracts;
    private final EntityManager entityManager;

    ArtworkPages(Artworks artworks, Contracts contracts, EntityManager entityManager) {
        this.artworks = artworks;
        this.contracts = contracts;
        this.entityManager = entityManager;
    }

    /** The page of an artwork the viewer (null when anonymous) may read. */
    @Transactional
    public Optional<ArtworkPage> page(UUID artworkId, UUID viewerId, boolean admin) {
        return artworks.readable(artworkId, viewerId, admin).map(artwork -> page(artwork, viewerId));
    }

    private ArtworkPage page(Artwork artwork, UUID viewerId) {
        User creator = User.findById(artwork.creatorId);
        ProvenanceRecord record = ProvenanceRecord.parse(artwork.provenanceJson);
        ArtworkPage.ActiveListing listing = Listing.activeFor(artwork.id)
                .map(active -> new ArtworkPage.ActiveListing(active.id, active.priceWei.toString(), active.kind.name()))
                .orElse(null);
        List<ChainChange> changes = chainChanges(artwork);
        return new ArtworkPage(artwork.id, artwork.title, artwork.description,
                artwork.licence == null ? null : artwork.licence.name(), artwork.royaltyBps, artwork.model,
                artwork.width, artwork.height, artwork.published, artwork.createdAt, artwork.publishedAt,
                ListingCard.imageUrl(artwork.id), ListingCard.thumbnailUrl(artwork.id),
                new CreatorRef(creator.handle, creator.displayName), artwork.likeCount,
                viewerId == null ? null : likedBy(artwork.id, viewerId),
                new ArtworkPage.Provenance(record, record.canonicalJson(), record.hash()), listing,
                onChain(artwork, changes), history(artwork, creator, changes));
    }

    private boolean likedBy(UUID artworkId, UUID userId) {
        return !entityManager.createNativeQuery("select 1 from artwork_like where artwork_id = ?1 and user_id = ?2")
                .setParameter(1, artworkId).setParameter(2, userId).getResultList().isEmpty();
    }

    /** One Transfer event of the artwork's token, as the indexer applied it. */
    private record ChainChange(long block, String txHash, String from, String to, Instant indexedAt) {

        boolean mint() {
            return ZERO_ADDRESS.equals(from);
        }
    }

    @SuppressWarnings("unchecked")
    private List<ChainChange> chainChanges(Artwork artwork) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select block_number, tx_hash, from_address, to_address, indexed_at from ownership_change
                where token_id = ?1 order by block_number, log_index""")
                .setParameter(1, new BigDecimal(artwork.tokenId))
                .getResultList();
        return rows.stream().map(row -> new ChainChange(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3], instant(row[4]))).toList();
    }

    @SuppressWarnings("unchecked")
    private ArtworkPage.OnChain onChain(Artwork artwork, List<ChainChange> changes) {
        List<Object[]> owner = entityManager.createNativeQuery("""
                select t.owner, u.handle from token_owner t
                left join wallet w on w.address = t.owner
                left join app_user u on u.id = w.user_id
                where t.token_id = ?1""")
                .setParameter(1, new BigDecimal(artwork.tokenId))
                .getResultList();
        String mintTx = changes.stream().filter(ChainChange::mint).map(ChainChange::txHash).reduce((a, b) -> b).orElse(null);
        String lastTransferTx = changes.stream().filter(change -> !change.mint()).map(ChainChange::txHash)
                .reduce((a, b) -> b).orElse(null);
        return new ArtworkPage.OnChain(!owner.isEmpty(), collection(), artwork.tokenId.toString(),
                owner.isEmpty() ? null : (String) owner.getFirst()[0], owner.isEmpty() ? null : (String) owner.getFirst()[1],
                mintTx, lastTransferTx);
    }

    /** The collection's address; a page still shows while the chain node cannot be asked for it. */
    private String collection() {
        try {
            return contracts.collection();
        } catch (ChainException e) {
            return null;
        }
    }

    /**
     * Generation, the platform's activity and the chain's ownership changes in time order. A platform mint or
     * transfer is the same event as the chain change with its transaction hash: the chain's entry stays, named
     * after the platform's actor.
     */
    @SuppressWarnings("unchecked")
    private List<ArtworkPage.HistoryEntry> history(Artwork artwork, User creator, List<ChainChange> changes) {
        List<Object[]> activity = entityManager.createNativeQuery("""
                select a.kind, u.handle, a.from_address, a.to_address, a.price_wei, a.tx_hash, a.created_at
                from artwork_activity a left join app_user u on u.id = a.actor_id
                where a.artwork_id = ?1 order by a.id""")
                .setParameter(1, artwork.id)
                .getResultList();
        Map<String, String> chainActors = activity.stream()
                .filter(row -> row[5] != null && isChainKind((String) row[0]) && row[1] != null)
                .collect(Collectors.toMap(row -> (String) row[5], row -> (String) row[1], (first, second) -> first));
        List<String> chainTxs = changes.stream().map(ChainChange::txHash).toList();

        List<ArtworkPage.HistoryEntry> history = new ArrayList<>();
        history.add(new ArtworkPage.HistoryEntry(Activity.Kind.GENERATED.name(), artwork.createdAt, creator.handle,
                null, null, null, null, null));
        for (Object[] row : activity) {
            String kind = (String) row[0];
            String txHash = (String) row[5];
            if (isChainKind(kind) && txHash != null && chainTxs.contains(txHash)) {
                continue;
            }
            history.add(new ArtworkPage.HistoryEntry(kind, instant(row[6]), (String) row[1], (String) row[2],
                    (String) row[3], row[4] == null ? null : ((BigDecimal) row[4]).toBigInteger().toString(), txHash, null));
        }
        for (ChainChange change : changes) {
            history.add(new ArtworkPage.HistoryEntry(
                    change.mint() ? Activity.Kind.MINTED.name() : Activity.Kind.TRANSFERRED.name(), change.indexedAt(),
                    chainActors.get(change.txHash()), change.from(), change.to(), null, change.txHash(), change.block()));
        }
        // a stable sort keeps chain changes indexed together in block order
        history.sort(Comparator.comparing(ArtworkPage.HistoryEntry::at));
        return history;
    }

    private static boolean isChainKind(String kind) {
        return Activity.Kind.MINTED.name().equals(kind) || Activity.Kind.TRANSFERRED.name().equals(kind);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
