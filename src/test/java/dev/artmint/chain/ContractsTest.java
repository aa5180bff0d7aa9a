package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.contracts.ArtMint721;
import dev.artmint.platform.LocalStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.tuples.generated.Tuple2;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ContractsTest {

    @Inject
    Contracts contracts;

    @Inject
    PlatformKeys keys;

    @Inject
    ChainConfig config;

    @Inject
    ChainNode node;

    @Inject
    Outbox outbox;

    private final Anvil anvil = new Anvil();

    @AfterEach
    void close() {
        anvil.close();
    }

    @Test
    void theLocalStackDeploysTheContractsAndKeepsTheirAddressesForTheNextStart() throws Exception {
        Contracts.Addresses addresses = contracts.addresses();
        Properties kept = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/test-stack/chain/contracts-31337.properties"))) {
            kept.load(in);
        }
        assertEquals(addresses.collection(), kept.getProperty("collection"));
        assertEquals(addresses.market(), kept.getProperty("market"));
        assertEquals(
                addresses.collection().toLowerCase(),
                anvil.market(addresses.market()).collection().send().toLowerCase());
    }

    @Test
    void thePlatformsMinterAndFeeRecipientAreSet() throws Exception {
        ArtMint721 collection = anvil.collection(contracts.collection());
        byte[] minterRole = collection.MINTER_ROLE().send();
        assertTrue(collection.hasRole(minterRole, keys.minter().getAddress()).send());
        assertFalse(collection.hasRole(minterRole, keys.admin().getAddress()).send());
        assertTrue(
                collection.hasRole(new byte[32], keys.admin().getAddress()).send(),
                "the admin holds DEFAULT_ADMIN_ROLE");

        Tuple2<String, BigInteger> fee = collection.platformFee().send();
        assertEquals(Anvil.account(2).getAddress(), fee.component1().toLowerCase());
        assertEquals(BigInteger.valueOf(250), fee.component2());
        Tuple2<String, BigInteger> marketFee =
                anvil.market(contracts.market()).platformFee().send();
        assertEquals(Anvil.account(2).getAddress(), marketFee.component1().toLowerCase());
    }

    @Test
    void aNewStartReusesTheKeptAddressesWithoutDeploying() {
        Contracts.Addresses first = contracts.addresses();
        BigInteger adminNonce = anvil.nonce(keys.admin().getAddress(), true);

        Contracts restarted = new Contracts(config, node, outbox, keys, () -> Path.of("target/test-stack"));

        assertEquals(first, restarted.addresses());
        assertEquals(adminNonce, anvil.nonce(keys.admin().getAddress(), true));
    }

    @Test
    void aRestartInTheMiddleOfADeploymentFollowsItsTransactionInsteadOfDeployingAgain(@TempDir Path dataDir)
            throws Exception {
        Credentials admin = keys.admin();
        String collectionCode = new Contracts(config, node, outbox, keys, () -> dataDir).collectionDeployment();
        BigInteger nonce = anvil.nonce(admin.getAddress(), true);
        // the crash: the collection's deployment recorded and handed to the node, the process gone before it took
        // note of that, and no addresses kept yet
        ChainTransaction pending = outbox.submit(new TransactionRequest(
                "deploy:ArtMint721:" + node.chainId() + ":" + admin.getAddress() + ":" + nonce,
                admin,
                null,
                BigInteger.ZERO,
                collectionCode));
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update("status = ?1 where id = ?2", TxStatus.REQUESTED, pending.id));

        Contracts.Addresses addresses = new Contracts(config, node, outbox, keys, () -> dataDir).addresses();

        ChainTransaction followed = outbox.find(pending.id).orElseThrow();
        assertEquals(followed.contractAddress, addresses.collection());
        long collectionDeployments = QuarkusTransaction.requiringNew()
                .call(() ->
                        ChainTransaction.count("data = ?1 and nonce >= ?2", collectionCode, nonce.longValueExact()));
        assertEquals(1, collectionDeployments, "the collection was deployed once");
        assertEquals(
                nonce.add(BigInteger.TWO),
                anvil.nonce(admin.getAddress(), true),
                "the admin sent the pending deployment and the market's, nothing else");
        assertEquals(
                addresses.collection().toLowerCase(),
                anvil.market(addresses.market()).collection().send().toLowerCase());
        assertTrue(Files.readString(dataDir.resolve("chain/contracts-31337.properties"))
                .contains("collection=" + addresses.collection()));
    }

    @Test
    void keptAddressesWithoutCodeOnTheChainAreReplacedByADeploymentWithCode(@TempDir Path dataDir) throws Exception {
        Path kept = dataDir.resolve("chain/contracts-31337.properties");
        Files.createDirectories(kept.getParent());
        Files.writeString(
                kept,
                "collection=0x000000000000000000000000000000000000dead\n"
                        + "market=0x000000000000000000000000000000000000beef\n");

        Contracts.Addresses deployed = new Contracts(config, node, outbox, keys, () -> dataDir).addresses();

        assertNotEquals("0x000000000000000000000000000000000000dead", deployed.collection());
        assertTrue(node.code(deployed.collection()).length() > 2);
        assertEquals(
                deployed.collection().toLowerCase(),
                anvil.market(deployed.market()).collection().send().toLowerCase());
        assertTrue(Files.readString(kept).contains("collection=" + deployed.collection()));
    }
}
