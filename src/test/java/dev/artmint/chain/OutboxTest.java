package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.TestClock;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final BigInteger ELEVEN = BigInteger.valueOf(11);

    @Inject
    Minting minting;

    @Inject
    Outbox outbox;

    @Inject
    Contracts contracts;

    @Inject
    PlatformKeys keys;

    @Inject
    Scheduler scheduler;

    @Inject
    TestClock clock;

    @Inject
    ChainConfig config;

    private final Anvil anvil = new Anvil();

    @AfterEach
    void backToNormal() {
        anvil.setAutomine(true);
        scheduler.resume("chain-outbox");
        anvil.close();
    }

    @Test
    void mintThroughTheOutboxEndsConfirmedWithTheTokenOwnedByTheRecipient() {
        String collector = Anvil.account(5).getAddress();
        MintRequest request =
                new MintRequest(collector, Anvil.randomHash(), Anvil.account(4).getAddress(), 500);

        ChainTransaction sent = minting.mint(request);
        ChainTransaction confirmed = outbox.await(sent.id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);

        assertEquals(keys.minter().getAddress(), confirmed.signer);
        assertEquals(contracts.collection(), confirmed.to);
        assertNotNull(confirmed.blockNumber);
        assertNotNull(confirmed.blockHash);
        assertTrue(confirmed.gasUsed.signum() > 0);
        assertEquals(collector.toLowerCase(), anvil.ownerOnChain(contracts.collection(), request.tokenId()));
        assertEquals(sent.id, minting.mint(request).id, "asking again for the same token returns the same transaction");
        assertEquals(
                1, anvil.transfers(contracts.collection(), request.tokenId()).size());
    }

    @Test
    void fiftyConcurrentMintsGiveFiftyTokensWithOneNonceEach() throws Exception {
        String minter = keys.minter().getAddress();
        contracts.collection();
        BigInteger nonceBefore = anvil.nonce(minter, true);
        List<MintRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(new MintRequest(
                    Anvil.account(6).getAddress(),
                    Anvil.randomHash(),
                    Anvil.account(4).getAddress(),
                    0));
        }
        ExecutorService callers = Executors.newFixedThreadPool(50);
        List<Future<ChainTransaction>> futures = new ArrayList<>();
        try {
            for (MintRequest request : requests) {
                futures.add(callers.submit((Callable<ChainTransaction>) () -> minting.mint(request)));
            }
            List<ChainTransaction> confirmed = new ArrayList<>();
            for (Future<ChainTransaction> future : futures) {
                confirmed.add(outbox.await(future.get().id, tx -> tx.status == TxStatus.CONFIRMED, WAIT));
            }

            List<Long> nonces = confirmed.stream().map(tx -> tx.nonce).sorted().toList();
            List<Long> expected = LongStream.range(nonceBefore.longValueExact(), nonceBefore.longValueExact() + 50)
                    .boxed()
                    .toList();
            assertEquals(expected, nonces, "50 consecutive nonces, none used twice");
            assertEquals(nonceBefore.add(BigInteger.valueOf(50)), anvil.nonce(minter, false));
            for (MintRequest request : requests) {
                assertEquals(request.to().toLowerCase(), anvil.ownerOnChain(contracts.collection(), request.tokenId()));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRestartBetweenSentAndMinedConfirmsTheMintExactlyOnce() {
        String minter = keys.minter().getAddress();
        contracts.collection();
        // the service's own follow-up is stopped, and blocks only come when the test mines one
        scheduler.pause("chain-outbox");
        anvil.setAutomine(false);
        BigInteger nonceBefore = anvil.nonce(minter, false);
        MintRequest request = new MintRequest(
                Anvil.account(7).getAddress(),
                Anvil.randomHash(),
                Anvil.account(4).getAddress(),
                250);

        ChainTransaction sent = minting.mint(request);
        assertEquals(TxStatus.SENT, sent.status);

        // a new process starts on the same database: the recovery pass looks the pending transaction up and leaves it
        // be
        outbox.followUpAll();
        outbox.followUpAll();
        assertEquals(TxStatus.SENT, outbox.find(sent.id).orElseThrow().status);
        assertEquals(
                nonceBefore.add(BigInteger.ONE),
                anvil.nonce(minter, true),
                "one transaction pending, nothing sent twice");

        // the node loses the pending transaction as well: recovery sends the recorded bytes again, same hash, same
        // nonce
        anvil.dropTransaction(sent.hash);
        assertEquals(nonceBefore, anvil.nonce(minter, true));
        outbox.followUpAll();
        assertEquals(nonceBefore.add(BigInteger.ONE), anvil.nonce(minter, true));

        anvil.mine();
        outbox.followUpAll();
        anvil.setAutomine(true);

        ChainTransaction confirmed = outbox.await(sent.id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        assertEquals(sent.hash, confirmed.hash);
        assertEquals(nonceBefore.longValueExact(), confirmed.nonce);
        assertEquals(
                nonceBefore.add(BigInteger.ONE),
                anvil.nonce(minter, false),
                "the minter's nonce advanced by exactly one");
        assertEquals(
                1, anvil.transfers(contracts.collection(), request.tokenId()).size(), "exactly one Transfer event");
        assertEquals(request.to().toLowerCase(), anvil.ownerOnChain(contracts.collection(), request.tokenId()));
    }

    @Test
    void aTransactionNotMinedInTimeIsReplacedAtItsNonceWithHigherFees() {
        String minter = keys.minter().getAddress();
        contracts.collection();
        scheduler.pause("chain-outbox");
        anvil.setAutomine(false);
        MintRequest request = new MintRequest(
                Anvil.account(6).getAddress(),
                Anvil.randomHash(),
                Anvil.account(4).getAddress(),
                0);
        ChainTransaction sent = minting.mint(request);
        assertEquals(TxStatus.SENT, sent.status);

        outbox.followUpAll();
        assertEquals(sent.hash, outbox.find(sent.id).orElseThrow().hash, "not stuck yet");
        try {
            clock.hold(clock.instant().plus(config.outbox().stuckAfter()).plusSeconds(1));
            outbox.followUpAll();
        } finally {
            clock.release();
        }
        ChainTransaction replaced = outbox.find(sent.id).orElseThrow();

        assertNotEquals(sent.hash, replaced.hash);
        assertEquals(List.of(replaced.hash, sent.hash), replaced.hashes());
        assertEquals(sent.nonce, replaced.nonce);
        // EIP-1559 replacement: both fees at least 10 % higher
        assertTrue(replaced.maxFeePerGas.multiply(BigInteger.TEN).compareTo(sent.maxFeePerGas.multiply(ELEVEN)) >= 0);
        assertTrue(replaced.maxPriorityFeePerGas
                        .multiply(BigInteger.TEN)
                        .compareTo(sent.maxPriorityFeePerGas.multiply(ELEVEN))
                >= 0);
        anvil.mine();
        anvil.setAutomine(true);
        scheduler.resume("chain-outbox");
        ChainTransaction confirmed = outbox.await(sent.id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);

        assertEquals(replaced.hash, confirmed.hash, "the replacement was mined, not the original");
        assertEquals(
                1, anvil.transfers(contracts.collection(), request.tokenId()).size(), "exactly one Transfer event");
        assertEquals(request.to().toLowerCase(), anvil.ownerOnChain(contracts.collection(), request.tokenId()));
        assertEquals(BigInteger.valueOf(sent.nonce + 1), anvil.nonce(minter, false));
    }

    @Test
    void aTransactionTheNodeRefusesIsCancelledAtItsNonceAndTheMintCanBeRetried() {
        String minter = keys.minter().getAddress();
        contracts.collection();
        BigInteger funds = anvil.balance(minter);
        MintRequest refusedMint = new MintRequest(
                Anvil.account(6).getAddress(),
                Anvil.randomHash(),
                Anvil.account(4).getAddress(),
                0);
        ChainTransaction refused;
        try {
            // the node refuses what the minter cannot pay for, and the cancel too while it cannot pay
            anvil.setBalance(minter, BigInteger.ZERO);
            refused = minting.mint(refusedMint);
            assertEquals(TxStatus.REQUESTED, outbox.find(refused.id).orElseThrow().status);
        } finally {
            anvil.setBalance(minter, funds);
        }
        ChainTransaction failed = outbox.await(refused.id, tx -> tx.status == TxStatus.FAILED, WAIT);
        assertTrue(failed.failureReason.contains("refused"), failed.failureReason);
        assertTrue(failed.failureReason.contains("zero-value self-transfer"), failed.failureReason);
        assertEquals(refused.nonce, failed.nonce);
        assertEquals(
                0,
                anvil.transfers(contracts.collection(), refusedMint.tokenId()).size());

        // the nonce was used by the cancel: the minter's later transactions are not blocked
        MintRequest later = new MintRequest(
                Anvil.account(7).getAddress(),
                Anvil.randomHash(),
                Anvil.account(4).getAddress(),
                0);
        ChainTransaction next = outbox.await(minting.mint(later).id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        assertTrue(next.nonce > failed.nonce);

        ChainTransaction retried = minting.mint(refusedMint);
        assertNotEquals(refused.id, retried.id);
        assertEquals("mint:" + refusedMint.tokenId() + "#2", retried.idempotencyKey);
        outbox.await(retried.id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        assertEquals(retried.id, minting.mint(refusedMint).id, "a retry that did not fail is not asked for again");
        assertEquals(refusedMint.to().toLowerCase(), anvil.ownerOnChain(contracts.collection(), refusedMint.tokenId()));
    }

    @Test
    void aMintOfATokenAlreadyOnItsWayIsRefusedBeforeAnythingIsRecorded() {
        contracts.collection();
        scheduler.pause("chain-outbox");
        anvil.setAutomine(false);
        MintRequest request = new MintRequest(
                Anvil.account(5).getAddress(),
                Anvil.randomHash(),
                Anvil.account(4).getAddress(),
                0);
        String minter = keys.minter().getAddress();
        outbox.submit(TransactionRequest.call(
                "test:pending:" + request.tokenId(), keys.minter(), contracts.collection(), minting.encode(request)));
        BigInteger nextNonce = anvil.nonce(minter, true);

        TransactionRevertedException refused = assertThrows(
                TransactionRevertedException.class,
                () -> outbox.submit(TransactionRequest.call(
                        "test:again:" + request.tokenId(),
                        keys.minter(),
                        contracts.collection(),
                        minting.encode(request))));

        assertEquals("TokenAlreadyMinted", refused.getMessage());
        assertTrue(outbox.find("test:again:" + request.tokenId()).isEmpty());
        assertEquals(nextNonce, anvil.nonce(minter, true));
        anvil.mine();
    }

    @Test
    void aMintThatRevertsOnChainFailsWithTheContractsErrorName() {
        contracts.collection();
        scheduler.pause("chain-outbox");
        anvil.setAutomine(false);
        MintRequest request = new MintRequest(
                Anvil.account(5).getAddress(),
                Anvil.randomHash(),
                Anvil.account(4).getAddress(),
                0);
        String data = minting.encode(request);
        ChainTransaction first = outbox.submit(TransactionRequest.call(
                "test:first:" + request.tokenId(), keys.minter(), contracts.collection(), data));
        // the node drops the first one, so the second is estimated on a state without it; then the first comes back
        anvil.dropTransaction(first.hash);
        ChainTransaction second = outbox.submit(TransactionRequest.call(
                "test:second:" + request.tokenId(), keys.minter(), contracts.collection(), data));
        outbox.followUpAll();
        anvil.mine();
        anvil.setAutomine(true);

        ChainTransaction minted = outbox.await(first.id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        ChainTransaction failed = outbox.await(second.id, tx -> tx.status == TxStatus.FAILED, WAIT);
        assertEquals("TokenAlreadyMinted", failed.failureReason);
        assertEquals(minted.blockNumber, failed.blockNumber);
        assertEquals(first.nonce + 1, failed.nonce);
    }
}
