package dev.artmint.market.page;

import dev.artmint.chain.Addresses;
import dev.artmint.chain.ChainException;
import dev.artmint.chain.ChainNode;
import dev.artmint.chain.Contracts;
import dev.artmint.identity.Caller;
import dev.artmint.market.Activity;
import dev.artmint.market.ArtworkImages;
import dev.artmint.market.CreatorRef;
import dev.artmint.market.MarketConfig;
import dev.artmint.platform.Sql;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.artwork.Artworks;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Assembles an artwork's public page in two SQL statements: the artwork with its creator, active listing, token owner
 * and the viewer's like; and its history, merging the platform's activity with the indexer's ownership changes, so
 * transfers made outside the platform appear too.
 *
 * <p>The page anonymous visitors see is cached in memory for {@code artmint.market.cache-ttl} (a couple of seconds), so
 * its likes, listing and owner are at most that old; a signed-in viewer's page is always read afresh.
 */
@ApplicationScoped
public class ArtworkPages {

    static final String CACHE = "market-artwork";

    // no user has the nil UUID: an anonymous viewer has liked nothing
    private static final UUID NOBODY = new UUID(0, 0);
    private static final String PAGE = """
            select a.title, a.description, a.licence, a.royalty_bps, a.model, a.width, a.height, a.published, a.hidden,
                   a.creator_id, a.created_at, a.published_at, a.provenance_json, a.token_id, a.like_count,
                   u.handle, u.display_name, l.id, l.price_wei, l.kind, t.owner, owner_user.handle,
                   exists (select 1 from artwork_like k where k.artwork_id = a.id and k.user_id = ?)
            from artwork a
            join app_user u on u.id = a.creator_id
            left join listing l on l.artwork_id = a.id and l.status = 'ACTIVE'
            left join token_owner t on t.token_id = a.token_id
            left join wallet w on w.address = t.owner
            left join app_user owner_user on owner_user.id = w.user_id
            where a.id = ?""";
    // activity in the order it was recorded, then the chain's changes in block order
    private static final String HISTORY = """
            select 0 as source, a.kind, u.handle, a.from_address, a.to_address, a.price_wei, a.tx_hash,
                   null::bigint as block, a.created_at, a.id as first, 0::bigint as second, s.royalty_wei, s.fee_wei
            from artwork_activity a left join app_user u on u.id = a.actor_id
            left join sale s on a.kind = 'SOLD' and s.artwork_id = a.artwork_id and s.tx_hash = a.tx_hash
            where a.artwork_id = ?
            union all
            select 1, null, null, o.from_address, o.to_address, null, o.tx_hash, o.block_number, o.indexed_at,
                   o.block_number, o.log_index, null, null
            from ownership_change o
            where o.token_id = ?
            order by source, first, second""";

    private final DataSource dataSource;
    private final Contracts contracts;
    private final Cache cache;
    private final ChainNode node;
    private final MarketConfig config;

    ArtworkPages(
            DataSource dataSource,
            Contracts contracts,
            @CacheName(CACHE) Cache cache,
            ChainNode node,
            MarketConfig config) {
        this.dataSource = dataSource;
        this.contracts = contracts;
        this.cache = cache;
        this.node = node;
        this.config = config;
    }

    /** The page of a published, visible artwork as anyone sees it, from memory when it was read moments ago. */
    public Optional<ArtworkPage> publicPage(UUID artworkId) {
        return cache.get(artworkId, id -> page(id, Caller.ANONYMOUS)).await().indefinitely();
    }

    /** The page of an artwork the viewer may read. */
    public Optional<ArtworkPage> page(UUID artworkId, Caller viewer) {
        try (Connection connection = dataSource.getConnection()) {
            return page(connection, artworkId, viewer);
        } catch (SQLException e) {
            throw new PersistenceException("reading the page of artwork " + artworkId + " failed", e);
        }
    }

    private Optional<ArtworkPage> page(Connection connection, UUID artworkId, Caller viewer) throws SQLException {
        return Sql.first(
                        connection, PAGE, Sql.parameters(viewer.anonymous() ? NOBODY : viewer.id(), artworkId), row -> {
                            if (!Artworks.mayRead(
                                    row.getBoolean(8), row.getBoolean(9), row.getObject(10, UUID.class), viewer)) {
                                return Optional.<ArtworkPage>empty();
                            }
                            BigDecimal tokenId = row.getBigDecimal(14);
                            ProvenanceRecord record = ProvenanceRecord.parse(row.getString(13));
                            String creatorHandle = row.getString(16);
                            UUID listingId = row.getObject(18, UUID.class);
                            ArtworkPage.ActiveListing listing = listingId == null
                                    ? null
                                    : new ArtworkPage.ActiveListing(
                                            listingId,
                                            row.getBigDecimal(19).toBigInteger().toString(),
                                            row.getString(20),
                                            purchaseGasReserve());
                            Instant createdAt = instant(row, 11);
                            String owner = row.getString(21);
                            String ownerHandle = row.getString(22);
                            List<ArtworkPage.HistoryEntry> history = new ArrayList<>();
                            ArtworkPage.OnChain chain = history(
                                    connection,
                                    artworkId,
                                    tokenId,
                                    createdAt,
                                    creatorHandle,
                                    owner,
                                    ownerHandle,
                                    history);
                            return Optional.of(new ArtworkPage(
                                    artworkId,
                                    row.getString(1),
                                    row.getString(2),
                                    row.getString(3),
                                    (Integer) row.getObject(4),
                                    row.getString(5),
                                    row.getInt(6),
                                    row.getInt(7),
                                    row.getBoolean(8),
                                    createdAt,
                                    instant(row, 12),
                                    ArtworkImages.imageUrl(artworkId),
                                    ArtworkImages.thumbnailUrl(artworkId),
                                    new CreatorRef(creatorHandle, row.getString(17)),
                                    row.getInt(15),
                                    viewer.anonymous() ? null : row.getBoolean(23),
                                    new ArtworkPage.Provenance(record, record.canonicalJson(), record.hash()),
                                    listing,
                                    chain,
                                    history));
                        })
                .flatMap(page -> page);
    }

    /**
     * Fills the history: generation, the platform's activity and the chain's ownership changes in time order. A
     * platform mint or transfer is the same event as the chain change with its transaction hash: the chain's entry
     * stays, named after the platform's actor. Answers the token's state, which the same changes tell.
     */
    private ArtworkPage.OnChain history(
            Connection connection,
            UUID artworkId,
            BigDecimal tokenId,
            Instant createdAt,
            String creatorHandle,
            String owner,
            String ownerHandle,
            List<ArtworkPage.HistoryEntry> history)
            throws SQLException {
        List<ArtworkPage.HistoryEntry> activity = new ArrayList<>();
        List<ArtworkPage.HistoryEntry> changes = new ArrayList<>();
        Sql.Binder parameters = statement -> {
            statement.setObject(1, artworkId);
            statement.setBigDecimal(2, tokenId);
        };
        for (HistoryRow row : Sql.list(connection, HISTORY, parameters, ArtworkPages::historyRow)) {
            (row.chain() ? changes : activity).add(row.entry());
        }
        Set<String> chainTxs = new HashSet<>();
        changes.forEach(change -> chainTxs.add(change.txHash()));
        Map<String, String> actors = new HashMap<>();
        history.add(new ArtworkPage.HistoryEntry(
                Activity.Kind.GENERATED.name(), createdAt, creatorHandle, null, null, null, null, null, null, null));
        for (ArtworkPage.HistoryEntry entry : activity) {
            if (isChainKind(entry.kind()) && entry.txHash() != null && chainTxs.contains(entry.txHash())) {
                if (entry.actor() != null) {
                    actors.putIfAbsent(entry.txHash(), entry.actor());
                }
            } else {
                history.add(entry);
            }
        }
        for (ArtworkPage.HistoryEntry change : changes) {
            history.add(new ArtworkPage.HistoryEntry(
                    change.kind(),
                    change.at(),
                    actors.get(change.txHash()),
                    change.from(),
                    change.to(),
                    null,
                    null,
                    null,
                    change.txHash(),
                    change.blockNumber()));
        }
        // a stable sort keeps changes indexed together in block order
        history.sort(Comparator.comparing(ArtworkPage.HistoryEntry::at));

        String mintTx = changes.stream()
                .filter(change -> change.kind().equals(Activity.Kind.MINTED.name()))
                .map(ArtworkPage.HistoryEntry::txHash)
                .reduce((first, last) -> last)
                .orElse(null);
        String lastTransferTx = changes.stream()
                .filter(change -> change.kind().equals(Activity.Kind.TRANSFERRED.name()))
                .map(ArtworkPage.HistoryEntry::txHash)
                .reduce((first, last) -> last)
                .orElse(null);
        return new ArtworkPage.OnChain(
                owner != null,
                collection(),
                tokenId.toBigInteger().toString(),
                owner,
                ownerHandle,
                mintTx,
                lastTransferTx);
    }

    /** A row of the history query: a chain change (an ownership change the indexer saw) or platform activity. */
    private record HistoryRow(boolean chain, ArtworkPage.HistoryEntry entry) {}

    private static HistoryRow historyRow(ResultSet row) throws SQLException {
        BigDecimal price = row.getBigDecimal(6);
        boolean chain = row.getInt(1) == 1;
        String from = row.getString(4);
        String kind = chain
                ? (Addresses.ZERO.equals(from) ? Activity.Kind.MINTED : Activity.Kind.TRANSFERRED).name()
                : row.getString(2);
        return new HistoryRow(
                chain,
                new ArtworkPage.HistoryEntry(
                        kind,
                        instant(row, 9),
                        row.getString(3),
                        from,
                        row.getString(5),
                        wei(price),
                        wei(row.getBigDecimal(12)),
                        wei(row.getBigDecimal(13)),
                        row.getString(7),
                        chain ? row.getLong(8) : null));
    }

    /**
     * The most a purchase's gas may cost at the current fee quote, as the buyer's balance is checked; null while the
     * node is away.
     */
    private String purchaseGasReserve() {
        try {
            return node.gasCost(BigInteger.valueOf(config.purchaseGasLimit())).toString();
        } catch (ChainException e) {
            return null;
        }
    }

    private static String wei(BigDecimal amount) {
        return amount == null ? null : amount.toBigInteger().toString();
    }

    /** The collection's address; a page still shows while the chain node cannot be asked for it. */
    private String collection() {
        try {
            return contracts.collection();
        } catch (ChainException e) {
            return null;
        }
    }

    private static boolean isChainKind(String kind) {
        return Activity.Kind.MINTED.name().equals(kind)
                || Activity.Kind.TRANSFERRED.name().equals(kind);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
