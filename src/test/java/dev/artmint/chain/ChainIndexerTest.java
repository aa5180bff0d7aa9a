package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.LocalStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ChainIndexerTest {

    @Inject
    Minting minting;

    @Inject
    Outbox outbox;

    @Inject
    Contracts contracts;

    @Inject
    ChainIndexer indexer;

    @Inject
    TokenOwnership ownership;

    private final Anvil anvil = new Anvil();

    @AfterEach
    void close() {
        anvil.close();
    }

    @Test
    void aTransferMadeOutsideThePlatformShowsUpInTheOwnershipTable() {
        Credentials holder = Anvil.account(5);
        String outsider = Anvil.account(6).getAddress();
        BigInteger tokenId = mintTo(holder.getAddress());
        indexer.catchUp();
        assertEquals(Optional.of(holder.getAddress().toLowerCase()), ownerInTable(tokenId));

        assertTrue(anvil.transferDirectly(contracts.collection(), holder, outsider, tokenId)
                .isStatusOK());
        indexer.catchUp();

        assertEquals(Optional.of(outsider.toLowerCase()), ownerInTable(tokenId));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> ownership.tokensOf(outsider))
                .contains(tokenId));
    }

    @Test
    void aReorganisationRollsTheOwnershipBack() {
        Credentials holder = Anvil.account(5);
        String outsider = Anvil.account(8).getAddress();
        BigInteger tokenId = mintTo(holder.getAddress());
        indexer.catchUp();
        String snapshot = anvil.snapshot();

        assertTrue(anvil.transferDirectly(contracts.collection(), holder, outsider, tokenId)
                .isStatusOK());
        indexer.catchUp();
        assertEquals(Optional.of(outsider.toLowerCase()), ownerInTable(tokenId));

        // the block with the transfer is abandoned; the chain grows past it on another branch
        anvil.revert(snapshot);
        anvil.mine();
        anvil.mine();
        indexer.catchUp();

        assertEquals(holder.getAddress().toLowerCase(), anvil.ownerOnChain(contracts.collection(), tokenId));
        assertEquals(Optional.of(holder.getAddress().toLowerCase()), ownerInTable(tokenId));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> ownership.tokensOf(outsider))
                .isEmpty());
    }

    private BigInteger mintTo(String owner) {
        MintRequest request =
                new MintRequest(owner, Anvil.randomHash(), Anvil.account(4).getAddress(), 0);
        ChainTransaction tx = minting.mint(request);
        outbox.await(tx.id, sent -> sent.status == TxStatus.CONFIRMED, Duration.ofSeconds(60));
        return request.tokenId();
    }

    private Optional<String> ownerInTable(BigInteger tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> ownership.ownerOf(tokenId));
    }
}
