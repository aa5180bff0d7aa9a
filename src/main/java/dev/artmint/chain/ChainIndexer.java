package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMint721;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
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
 * Follows the collection's Transfer events with eth_getLogs from the last processed block and keeps the token-ownership
 * table. Each processed block's hash is kept; when the node's hash for the last one differs, the changes of the
 * abandoned blocks are undone back to the last block both agree on, then indexing resumes.
 */
@ApplicationScoped
public class ChainIndexer {

    private static final Logger LOG = Logger.getLogger(ChainIndexer.class);
    private static final String TRANSFER = EventEncoder.encode(ArtMint721.TRANSFER_EVENT);
    private static final int REORG_SEARCH_DEPTH = 256;

    private final ChainNode node;
    private final Contracts contracts;
    private final ChainConfig config;
    private final EntityManager entityManager;

    ChainIndexer(ChainNode node, Contracts contracts, ChainConfig config, EntityManager entityManager) {
        this.node = node;
        this.contracts = contracts;
        this.config = config;
        this.entityManager = entityManager;
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

    /** Indexes up to the node's latest block; answers the last block processed. Not for concurrent use. */
    public synchronized long catchUp() {
        String collection = contracts.collection();
        while (true) {
            Optional<Long> last = lastProcessed();
            if (last.isPresent() && !node.blockHash(last.get()).equals(storedHash(last.get()))) {
                rollBackFrom(last.get());
                continue;
            }
            long latest = node.latestBlock().longValueExact();
            long from = last.map(block -> block + 1).orElse(config.indexer().startBlock());
            if (from > latest) {
                return latest;
            }
            long to = Math.min(latest, from + config.indexer().maxBlockRange() - 1);
            List<Log> logs = node.logs(collection, TRANSFER, from, to);
            String toHash = node.blockHash(to)
                    .orElseThrow(() -> new ChainException("the node lost block " + to + " while indexing"));
            QuarkusTransaction.requiringNew().run(() -> apply(logs, to, toHash));
        }
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
                "indexer: reorganisation at block %d; back to block %d, %d ownership changes undone",
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

    private void apply(List<Log> logs, long to, String toHash) {
        Map<Long, String> blocks = new TreeMap<>();
        for (Log log : logs) {
            long block = log.getBlockNumber().longValueExact();
            blocks.put(block, log.getBlockHash());
            transfer(log, block);
        }
        blocks.put(to, toHash);
        blocks.forEach((number, hash) -> entityManager
                .createNativeQuery(
                        "insert into chain_block (number, hash) values (?1, ?2) on conflict (number) do update set "
                                + "hash = excluded.hash")
                .setParameter(1, number)
                .setParameter(2, hash)
                .executeUpdate());
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
