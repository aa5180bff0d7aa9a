package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Contracts;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.PlatformKeys;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.listing.Listing;
import dev.artmint.market.sale.Purchase;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.RealmUsers;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Eight collectors buy the same listing at the same instant, {@code -Dartmint.bench.contested-trials} times (1,000 by
 * default): four artworks at a time (-Dartmint.bench.contested-lanes), each sold by lazy mint, then resold round after
 * round by whoever won the last one. Each round exactly one purchase is accepted (202) and the seven others are refused
 * with 409 problem+json; in the end the database has one purchase per listing, the chain one sale per round, and the
 * wei are conserved: the balance changes of every account involved (the nine wallets, the fee recipient, both
 * contracts) plus the gas they paid sum to zero, read from the chain itself. Figures go to stdout and
 * {@code target/benchmark/contested-sales.txt}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ContestedSaleBenchmark {

    private static final int TRIALS = Integer.getInteger("artmint.bench.contested-trials", 1000);
    private static final int BUYERS = 8;
    // listings contested at once, each on its own artwork (at most 4: one generation job makes them)
    private static final int LANES = Integer.getInteger("artmint.bench.contested-lanes", 4);
    private static final String PRICE_WEI = "1000000";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    Contracts contracts;

    @Inject
    PlatformKeys keys;

    @Test
    void eightBuyersOnOneListingOneThousandTimes() throws Exception {
        List<String> users = new ArrayList<>(List.of("ada", "bo", "admin"));
        IntStream.rangeClosed(1, BUYERS + 1 - users.size())
                .mapToObj(i -> RealmUsers.create("collector" + i))
                .forEach(users::add);
        List<String> artworks = MarketApi.artworks(workers, LANES);
        for (String artwork : artworks) {
            MarketApi.publish(artwork, 500);
        }
        Map<String, String> wallets = new HashMap<>();
        for (String user : users) {
            wallets.put(user, MarketApi.walletAddress(user));
            MarketApi.fund(outbox, user);
        }
        Set<String> accounts = new LinkedHashSet<>(wallets.values());
        accounts.add(keys.feeRecipient().toLowerCase());
        accounts.add(contracts.collection().toLowerCase());
        accounts.add(contracts.market().toLowerCase());

        Web3j web3j = Web3j.build(
                new HttpService(ConfigProvider.getConfig().getValue("artmint.chain.rpc-url", String.class)));
        ExecutorService laneRunner = Executors.newFixedThreadPool(LANES);
        try {
            long firstBlock = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            Map<String, BigInteger> before = balances(web3j, accounts, firstBlock);

            Rounds rounds = new Rounds();
            long started = System.nanoTime();
            List<Future<?>> lanes = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                String artwork = artworks.get(lane);
                int count = TRIALS / LANES + (lane < TRIALS % LANES ? 1 : 0);
                lanes.add(laneRunner.submit(() -> {
                    contest(artwork, count, users, rounds);
                    return null;
                }));
            }
            for (Future<?> lane : lanes) {
                lane.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long lastBlock = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            Map<String, BigInteger> after = balances(web3j, accounts, lastBlock);

            BigInteger balanceChanges = BigInteger.ZERO;
            for (String account : accounts) {
                balanceChanges = balanceChanges.add(after.get(account).subtract(before.get(account)));
            }
            Gas gas = gasPaid(web3j, accounts, firstBlock + 1, lastBlock);
            long purchases = QuarkusTransaction.requiringNew()
                    .call(() -> Purchase.count(
                            "listingId in ?1",
                            rounds.listings.stream().map(UUID::fromString).toList()));
            long settled = QuarkusTransaction.requiringNew()
                    .call(() -> Purchase.count(
                            "listingId in ?1 and status = 'SETTLED'",
                            rounds.listings.stream().map(UUID::fromString).toList()));

            List<String> report = new ArrayList<>();
            report.add(String.format(
                    "%d rounds of %d concurrent buyers, %d listings at a time, in %.1f s (%.2f s a round)",
                    TRIALS, BUYERS, LANES, seconds, seconds / TRIALS));
            report.add("answers by status: " + new TreeMap<>(rounds.statuses));
            report.add(String.format(
                    "purchase request latency: p50 %d ms, p99 %d ms, max %d ms; round p50 %d ms, p99 %d ms",
                    percentile(rounds.buyMillis, 50),
                    percentile(rounds.buyMillis, 99),
                    percentile(rounds.buyMillis, 100),
                    percentile(rounds.roundMillis, 50),
                    percentile(rounds.roundMillis, 99)));
            report.add(String.format(
                    "purchase rows for the %d listings: %d, settled: %d", rounds.listings.size(), purchases, settled));
            report.add(String.format(
                    "blocks %d..%d: %d transactions from the %d accounts, %d from elsewhere carrying %s wei in",
                    firstBlock + 1, lastBlock, gas.transactions, accounts.size(), gas.foreign, gas.foreignValueIn));
            report.add("sum of balance changes: " + balanceChanges + " wei; gas paid: " + gas.wei + " wei; sum: "
                    + balanceChanges.add(gas.wei) + " wei");
            Files.createDirectories(Path.of("target/benchmark"));
            Files.write(Path.of("target/benchmark/contested-sales.txt"), report);
            report.forEach(line -> System.out.println("contested: " + line));

            assertEquals(Map.of(202, TRIALS, 409, TRIALS * (BUYERS - 1)), rounds.statuses);
            assertEquals(TRIALS, purchases, "one purchase per listing");
            assertEquals(TRIALS, settled);
            assertEquals(BigInteger.ZERO, gas.foreignValueIn, "no wei came from outside the accounts");
            assertEquals(BigInteger.ZERO, balanceChanges.add(gas.wei), "wei conserved");
        } finally {
            laneRunner.shutdownNow();
            web3j.shutdown();
        }
    }

    /** What the rounds of every lane answered. */
    private static final class Rounds {
        final List<Long> buyMillis = Collections.synchronizedList(new ArrayList<>());
        final List<Long> roundMillis = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final List<String> listings = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger done = new AtomicInteger();
    }

    /**
     * One lane: its artwork sold, then resold by each round's winner, {@code count} times; each round all the users but
     * the holder buy at the same instant.
     */
    private void contest(String artwork, int count, List<String> users, Rounds rounds) throws Exception {
        String holder = users.getFirst();
        ExecutorService callers = Executors.newFixedThreadPool(BUYERS);
        try {
            for (int trial = 0; trial < count; trial++) {
                long roundStart = System.nanoTime();
                String listing = listWhenIndexed(holder, artwork);
                rounds.listings.add(listing);
                String seller = holder;
                List<String> buyers =
                        users.stream().filter(user -> !user.equals(seller)).toList();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ExtractableResponse<?>>> calls = new ArrayList<>();
                for (String buyer : buyers) {
                    calls.add(callers.submit(() -> {
                        start.await();
                        long sent = System.nanoTime();
                        ExtractableResponse<?> response =
                                MarketApi.buy(buyer, listing).then().extract();
                        rounds.buyMillis.add((System.nanoTime() - sent) / 1_000_000);
                        return response;
                    }));
                }
                start.countDown();
                String winner = null;
                String purchase = null;
                int accepted = 0;
                for (int i = 0; i < calls.size(); i++) {
                    ExtractableResponse<?> response = calls.get(i).get();
                    rounds.statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 202) {
                        accepted++;
                        winner = buyers.get(i);
                        purchase = response.path("id");
                    } else {
                        assertEquals(409, response.statusCode(), response.asString());
                        assertEquals("urn:artmint:problem:listing-unavailable", response.path("type"));
                        assertTrue(response.contentType().startsWith("application/problem+json"));
                    }
                }
                assertEquals(1, accepted, "listing " + listing + ": exactly one purchase accepted");
                assertEquals(
                        "SETTLED",
                        MarketApi.awaitFinal(winner, purchase).getString("status"),
                        "listing " + listing + ": the accepted purchase settles");
                String newHolder = winner;
                MarketApi.await(
                        () -> given().get("/api/market/artworks/" + artwork)
                                .then()
                                .extract()
                                .<String>path("chain.ownerHandle"),
                        newHolder::equals,
                        WAIT);
                holder = newHolder;
                rounds.roundMillis.add((System.nanoTime() - roundStart) / 1_000_000);
                int done = rounds.done.incrementAndGet();
                if (done % 50 == 0) {
                    System.out.printf("contested: %d rounds, %s%n", done, rounds.statuses);
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** The holder lists the artwork once the index knows them as its holder, and the listing is on the market. */
    private String listWhenIndexed(String holder, String artwork) {
        String listing = MarketApi.await(
                () -> {
                    ExtractableResponse<?> response =
                            MarketApi.list(holder, artwork, PRICE_WEI).then().extract();
                    return response.statusCode() == 201 ? response.<String>path("id") : null;
                },
                id -> id != null,
                WAIT);
        UUID listingTx = QuarkusTransaction.requiringNew()
                .call(() -> Listing.<Listing>findById(UUID.fromString(listing)).chainTxId);
        if (listingTx != null) {
            outbox.await(listingTx, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        }
        return listing;
    }

    private static Map<String, BigInteger> balances(Web3j web3j, Set<String> accounts, long block) throws IOException {
        Map<String, BigInteger> balances = new HashMap<>();
        for (String account : accounts) {
            balances.put(
                    account,
                    web3j.ethGetBalance(account, DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
                            .send()
                            .getBalance());
        }
        return balances;
    }

    private record Gas(BigInteger wei, long transactions, long foreign, BigInteger foreignValueIn) {}

    /**
     * What the accounts paid for gas in the blocks (gas used times the effective price, from each receipt), and what
     * transactions from elsewhere sent into them.
     */
    private static Gas gasPaid(Web3j web3j, Set<String> accounts, long from, long to) throws IOException {
        BigInteger wei = BigInteger.ZERO;
        BigInteger foreignValueIn = BigInteger.ZERO;
        long transactions = 0;
        long foreign = 0;
        for (long number = from; number <= to; number++) {
            EthBlock.Block block = web3j.ethGetBlockByNumber(
                            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), true)
                    .send()
                    .getBlock();
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
                if (accounts.contains(tx.getFrom().toLowerCase())) {
                    TransactionReceipt receipt = web3j.ethGetTransactionReceipt(tx.getHash())
                            .send()
                            .getTransactionReceipt()
                            .orElseThrow();
                    wei = wei.add(
                            receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice())));
                    transactions++;
                } else {
                    foreign++;
                    if (tx.getTo() != null && accounts.contains(tx.getTo().toLowerCase())) {
                        foreignValueIn = foreignValueIn.add(tx.getValue());
                    }
                }
            }
        }
        return new Gas(wei, transactions, foreign, foreignValueIn);
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
