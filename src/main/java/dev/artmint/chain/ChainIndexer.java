package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import dev.artmint.chain.contracts.ArtMint721;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Follows the collection's Transfer events and the market's Listed, PriceUpdated, ListingCancelled and Sold events with
 * eth_getLogs from the last processed block, only up to the safe head (the newest block with
 * {@code artmint.chain.confirmations} blocks on top of it, itself included), and keeps the token-ownership table. Each
 * log's block hash must be the node's hash of that block, or the range is read again. Every event is fired as an
 * {@link IndexedEvent} in the transaction that records it, so that the market closes or updates its listings with it.
 * Each processed block's hash is kept; when the node's hash for the last one differs (a reorganisation deeper than the
 * confirmations), what the abandoned blocks did is undone back to the last block both agree on
 * ({@link IndexedEvent.Undone} for the observers' effects), then indexing resumes there.
 */
@ApplicationScoped
public class ChainIndexer {

    private static final Logger LOG = Logger.getLogger(ChainIndexer.class);
    private static final String TRANSFER = EventEncoder.encode(ArtMint721.TRANSFER_EVENT);
    private static final Map<String, IndexedEvent.Kind> MARKET_EVENTS = Map.of(
            EventEncoder.encode(ArtMarket.LISTED_EVENT), IndexedEvent.Kind.LISTED,
            EventEncoder.encode(ArtMarket.PRICEUPDATED_EVENT), IndexedEvent.Kind.PRICE_UPDATED,
            EventEncoder.encode(ArtMarket.LISTINGCANCELLED_EVENT), IndexedEvent.Kind.CANCELLED,
            EventEncoder.encode(ArtMarket.SOLD_EVENT), IndexedEvent.Kind.SOLD);
    private static final int REORG_SEARCH_DEPTH = 256;

    /**
     * Within a transaction the market's events come before the transfers it made, so that a sale is seen as a sale
     * before its transfer is seen as a move away from the seller; transfers keep their order.
     */
    private static final Comparator<Log> CHAIN_ORDER = Comparator.<Log, BigInteger>comparing(Log::getBlockNumber)
            .thenComparing(Log::getTransactionIndex)
            .thenComparing(log -> TRANSFER.equals(log.getTopics().getFirst()))
            .thenComparing(Log::getLogIndex);

    private final ChainNode node;
    private final Contracts contracts;
    private final ChainConfig config;
    private final EntityManager entityManager;
    private final Event<IndexedEvent> indexed;
    private final Event<IndexedEvent.Undone> undone;

    ChainIndexer(
            ChainNode node,
            Contracts contracts,
            ChainConfig config,
            EntityManager entityManager,
            Event<IndexedEvent> indexed,
            Event<IndexedEvent.Undone> undone) {
        this.node = node;
        this.contracts = contracts;
        this.config = config;
        this.entityManager = entityManager;
        this.indexed = indexed;
        this.undone = undone;
    }

    @Scheduled(
            identity = "chain-indexer",
            every = "${artmint.chain.indexer.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            catchUp();
        } catch (ChainException e) {
            LOG.warnf("indexer: %s", e.getMessage());
        }
    }

    /** Indexes up to the safe head; answers it. Not for concurrent use. */
    public synchronized long catchUp() {
        String collection = contracts.collection();
        String market = contracts.market();
        List<String> topics = new ArrayList<>(MARKET_EVENTS.keySet());
        topics.add(TRANSFER);
        while (true) {
            Optional<Long> last = lastProcessed();
            if (last.isPresent() && !node.blockHash(last.get()).equals(storedHash(last.get()))) {
                rollBackFrom(last.get());
                continue;
            }
            long safe = node.latestBlock().longValueExact() - Math.max(0, config.confirmations() - 1);
            long from = last.map(block -> block + 1).orElse(config.indexer().startBlock());
            if (from > safe) {
                return safe;
            }
            long to = Math.min(safe, from + config.indexer().maxBlockRange() - 1);
            List<Log> logs = node.logs(List.of(collection, market), topics, from, to).stream()
                    .filter(log -> known(log, collection, market))
                    .sorted(CHAIN_ORDER)
                    .toList();
            Map<Long, String> hashes = new TreeMap<>();
            hashes.put(to, node.blockHash(to).orElse(""));
            logs.forEach(log -> hashes.computeIfAbsent(
                    log.getBlockNumber().longValueExact(),
                    number -> node.blockHash(number).orElse("")));
            Optional<Log> moved = logs.stream()
                    .filter(log -> !log.getBlockHash()
                            .equals(hashes.get(log.getBlockNumber().longValueExact())))
                    .findFirst();
            if (hashes.containsValue("") || moved.isPresent()) {
                // the node reorganised while the range was read: read it again
                LOG.infof("indexer: blocks %d to %d changed while they were read; reading them again", from, to);
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> apply(logs, hashes));
        }
    }

    private static boolean known(Log log, String collection, String market) {
        String topic = log.getTopics().isEmpty() ? "" : log.getTopics().getFirst();
        return TRANSFER.equals(topic)
                ? log.getAddress().equalsIgnoreCase(collection)
                        && log.getTopics().size() == 4
                : MARKET_EVENTS.containsKey(topic) && log.getAddress().equalsIgnoreCase(market);
    }

    private Optional<Long> lastProcessed() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Optional.ofNullable((Number) entityManager
                                .createNativeQuery("select max(number) from chain_block")
                                .getSingleResult())
                        .map(Number::longValue));
    }

    private Optional<String> storedHash(long number) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select hash from chain_block where number = ?1", String.class)
                        .setParameter(1, number)
                        .getResultStream()
                        .findFirst()
                        .map(String.class::cast));
    }

    private void rollBackFrom(long divergent) {
        TreeMap<Long, String> stored = QuarkusTransaction.requiringNew().call(this::recentBlocks);
        long ancestor = config.indexer().startBlock() - 1;
        for (Map.Entry<Long, String> block : stored.descendingMap().entrySet()) {
            if (node.blockHash(block.getKey())
                    .map(hash -> hash.equals(block.getValue()))
                    .orElse(false)) {
                ancestor = block.getKey();
                break;
            }
        }
        long keep = ancestor;
        int undone = QuarkusTransaction.requiringNew().call(() -> undoAfter(keep));
        LOG.infof(
                "indexer: reorganisation at block %d; back to block %d, %d ownership changes and the market's effects "
                        + "undone",
                divergent, keep, undone);
    }

    @SuppressWarnings("unchecked")
    private TreeMap<Long, String> recentBlocks() {
        TreeMap<Long, String> blocks = new TreeMap<>();
        ((List<Object[]>) entityManager
                        .createNativeQuery("select number, hash from chain_block order by number desc")
                        .setMaxResults(REORG_SEARCH_DEPTH)
                        .getResultList())
                .forEach(row -> blocks.put(((Number) row[0]).longValue(), (String) row[1]));
        return blocks;
    }

    @SuppressWarnings("unchecked")
    private int undoAfter(long ancestor) {
        undone.fire(new IndexedEvent.Undone(ancestor));
        List<Object[]> changes =
                entityManager.createNativeQuery("""
                select token_id, previous_owner from ownership_change
                where block_number > ?1 order by block_number desc, log_index
                    desc""").setParameter(1, ancestor).getResultList();
        for (Object[] change : changes) {
            BigDecimal tokenId = (BigDecimal) change[0];
            String previousOwner = (String) change[1];
            if (previousOwner == null) {
                entityManager
                        .createNativeQuery("delete from token_owner where token_id = ?1")
                        .setParameter(1, tokenId)
                        .executeUpdate();
            } else {
                entityManager
                        .createNativeQuery("update token_owner set owner = ?2 where token_id = ?1")
                        .setParameter(1, tokenId)
                        .setParameter(2, previousOwner)
                        .executeUpdate();
            }
        }
        entityManager
                .createNativeQuery("delete from ownership_change where block_number > ?1")
                .setParameter(1, ancestor)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from chain_block where number > ?1")
                .setParameter(1, ancestor)
                .executeUpdate();
        return changes.size();
    }

    private void apply(List<Log> logs, Map<Long, String> hashes) {
        Map<String, Boolean> platformSent = new HashMap<>();
        for (Log log : logs) {
            long block = log.getBlockNumber().longValueExact();
            List<String> topics = log.getTopics();
            boolean sentHere = platformSent.computeIfAbsent(log.getTransactionHash(), this::sentByOutbox);
            IndexedEvent event;
            if (TRANSFER.equals(topics.getFirst())) {
                transfer(log, block);
                event = new IndexedEvent(
                        IndexedEvent.Kind.TRANSFER,
                        Numeric.toBigInt(topics.get(3)),
                        address(topics.get(1)),
                        address(topics.get(2)),
                        null,
                        block,
                        log.getLogIndex().longValueExact(),
                        log.getTransactionHash(),
                        sentHere);
            } else {
                IndexedEvent.Kind kind = MARKET_EVENTS.get(topics.getFirst());
                boolean priced = kind != IndexedEvent.Kind.CANCELLED;
                event = new IndexedEvent(
                        kind,
                        Numeric.toBigInt(topics.get(1)),
                        address(topics.get(2)),
                        kind == IndexedEvent.Kind.SOLD ? address(topics.get(3)) : null,
                        priced ? firstWord(log.getData()) : null,
                        block,
                        log.getLogIndex().longValueExact(),
                        log.getTransactionHash(),
                        sentHere);
            }
            indexed.fire(event);
        }
        hashes.forEach((number, hash) -> entityManager
                .createNativeQuery(
                        "insert into chain_block (number, hash) values (?1, ?2) on conflict (number) do update set "
                                + "hash = excluded.hash")
                .setParameter(1, number)
                .setParameter(2, hash)
                .executeUpdate());
    }

    /** Whether the outbox sent this transaction, under its current hash or one it had before it was signed again. */
    private boolean sentByOutbox(String txHash) {
        return ((Number) entityManager
                                .createNativeQuery("select count(*) from chain_tx where tx_hash = ?1 or "
                                        + "strpos(replaced_hashes, ?1) > 0")
                                .setParameter(1, txHash)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    private static BigInteger firstWord(String data) {
        String hex = Numeric.cleanHexPrefix(data);
        return Numeric.toBigInt(hex.substring(0, Math.min(64, hex.length())));
    }

    private void transfer(Log log, long block) {
        List<String> topics = log.getTopics();
        String from = address(topics.get(1));
        String to = address(topics.get(2));
        BigDecimal tokenId = new BigDecimal(Numeric.toBigInt(topics.get(3)));
        String previous = (String) entityManager
                .createNativeQuery("select owner from token_owner where token_id = ?1", String.class)
                .setParameter(1, tokenId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        entityManager
                .createNativeQuery("""
                insert into ownership_change (token_id, block_number, log_index, tx_hash, from_address, to_address,
                    previous_owner)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, tokenId)
                .setParameter(2, block)
                .setParameter(3, log.getLogIndex().longValueExact())
                .setParameter(4, log.getTransactionHash())
                .setParameter(5, from)
                .setParameter(6, to)
                .setParameter(7, previous)
                .executeUpdate();
        if (Objects.equals(to, Addresses.ZERO)) {
            entityManager
                    .createNativeQuery("delete from token_owner where token_id = ?1")
                    .setParameter(1, tokenId)
                    .executeUpdate();
        } else {
            entityManager
                    .createNativeQuery("""
                    insert into token_owner (token_id, owner, block_number) values (?1, ?2, ?3)
                    on conflict (token_id) do update set owner = excluded.owner, block_number =
                        excluded.block_number""")
                    .setParameter(1, tokenId)
                    .setParameter(2, to)
                    .setParameter(3, block)
                    .executeUpdate();
        }
    }

    private static String address(String topic) {
        return "0x" + Numeric.cleanHexPrefix(topic).substring(24).toLowerCase();
    }
}
