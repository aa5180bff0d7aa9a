package dev.artmint.identity.wallet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WalletResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Wallets wallets;

    @Inject
    Outbox outbox;

    @Inject
    Minting minting;

    @Inject
    Contracts contracts;

    @Inject
    ChainIndexer indexer;

    @Test
    void theCustodialWalletIsCreatedOnceAndItsKeyIsOnlyKeptEncrypted() throws Exception {
        String address = given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .body("address", matchesPattern("0x[0-9a-f]{40}"))
                .body("balanceWei", matchesPattern("[0-9]+"))
                .body("$", not(hasKey("privateKey")))
                .extract()
                .path("address");
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .body("address", equalTo(address));

        UUID ada = userId("ada");
        Wallet wallet = QuarkusTransaction.requiringNew().call(() -> Wallet.<Wallet>findById(ada));
        Credentials credentials = wallets.credentials(wallet);
        assertEquals(address, credentials.getAddress());
        byte[] privateKey = Numeric.toBytesPadded(credentials.getEcKeyPair().getPrivateKey(), 32);
        assertFalse(holds(wallet.encryptedKey, privateKey), "the stored bytes do not contain the key");
        assertEquals(12 + 32 + 16, wallet.encryptedKey.length, "nonce, ciphertext, GCM tag");

        Path masterKey = Path.of("target/test-stack/wallet-master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(masterKey)));
        Wallet moved = new Wallet();
        moved.userId = UUID.randomUUID();
        moved.encryptedKey = wallet.encryptedKey;
        assertThrows(
                IllegalStateException.class,
                () -> wallets.credentials(moved),
                "a key moved to another user does not decrypt");
    }

    @Test
    void aSiweSignatureLinksTheAddress() {
        Credentials external = Anvil.account(7);
        Map<String, Object> challenge = challenge("bo");

        link("bo", message(challenge, external.getAddress(), Instant.now().plusSeconds(300)), external)
                .statusCode(200)
                .body("address", equalTo(external.getAddress().toLowerCase()));

        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .body("linkedAddresses", hasItem(external.getAddress().toLowerCase()));
    }

    @Test
    void aWrongSignatureIsRefused() {
        Credentials claimed = Anvil.account(7);
        String message =
                message(challenge("bo"), claimed.getAddress(), Instant.now().plusSeconds(300));
        refused(link("bo", message, Anvil.account(8)), "signature is not by");
    }

    @Test
    void aMalformedSignatureIsRefusedNeverAnError() {
        Credentials external = Anvil.account(7);
        String message =
                message(challenge("bo"), external.getAddress(), Instant.now().plusSeconds(300));
        Sign.SignatureData good =
                Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), external.getEcKeyPair());
        byte[] r = good.getR();
        byte[] s = good.getS();
        byte[] high = new byte[32];
        Arrays.fill(high, (byte) 0xff);
        // unusual v bytes, r and s of all ones (beyond the curve's order), all zeros, and r with no point on the curve
        List<String> signatures = List.of(
                signature(r, s, 0x7f),
                signature(r, s, 0xff),
                signature(r, s, 0x1d),
                signature(r, s, 0x1f),
                signature(r, s, 0x22),
                signature(r, s, 0x02),
                signature(high, high, 27),
                signature(new byte[32], new byte[32], 28),
                signature(high, s, 27),
                signature(r, high, 28));
        for (String signature : signatures) {
            refused(
                    given().header("Authorization", Tokens.bearer("bo"))
                            .contentType(ContentType.JSON)
                            .body(Map.of("message", message, "signature", signature))
                            .post("/api/me/wallet/links")
                            .then(),
                    "signature");
        }
    }

    private static String signature(byte[] r, byte[] s, int v) {
        byte[] bytes = new byte[65];
        System.arraycopy(r, 0, bytes, 0, 32);
        System.arraycopy(s, 0, bytes, 32, 32);
        bytes[64] = (byte) v;
        return Numeric.toHexString(bytes);
    }

    @Test
    void aReusedNonceIsRefused() {
        Credentials external = Anvil.account(6);
        String message =
                message(challenge("bo"), external.getAddress(), Instant.now().plusSeconds(300));
        link("bo", message, external).statusCode(200);
        refused(link("bo", message, external), "used up");
    }

    @Test
    void anotherUsersNonceIsRefused() {
        Credentials external = Anvil.account(6);
        String message =
                message(challenge("ada"), external.getAddress(), Instant.now().plusSeconds(300));
        refused(link("bo", message, external), "not issued to you");
    }

    @Test
    void anExpiredMessageIsRefused() {
        Credentials external = Anvil.account(6);
        String message =
                message(challenge("bo"), external.getAddress(), Instant.now().minusSeconds(1));
        refused(link("bo", message, external), "expired");
    }

    @Test
    void aMessageForAnotherDomainIsRefused() {
        Credentials external = Anvil.account(6);
        String message = message(
                        challenge("bo"), external.getAddress(), Instant.now().plusSeconds(300))
                .replace("localhost:8080 wants", "evil.example wants");
        refused(link("bo", message, external), "evil.example");
    }

    @Test
    void theFaucetFundsTheWalletAndATokenCanBeWithdrawnToALinkedAddress() {
        // other test classes of the run may have paid ada before: the faucet's part is what counts
        BigInteger before = new BigInteger(given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("balanceWei"));
        String wallet = given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/me/wallet/faucet")
                .then()
                .statusCode(202)
                .body("status", equalTo("SENT"))
                .extract()
                .path("to");
        UUID fund = UUID.fromString(given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/me/wallet/faucet")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
        outbox.await(fund, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        MintRequest request = new MintRequest(wallet, Anvil.randomHash(), wallet, 0);
        outbox.await(minting.mint(request).id, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        indexer.catchUp();
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .body(
                        "balanceWei",
                        equalTo(before.add(new BigInteger("2000000000000000000"))
                                .toString()))
                .body("tokens", hasItem(request.tokenId().toString()));

        Credentials external = Anvil.account(3);
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("tokenId", request.tokenId().toString(), "to", external.getAddress()))
                .post("/api/me/wallet/withdrawals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not linked"));

        link(
                        "ada",
                        message(
                                challenge("ada"),
                                external.getAddress(),
                                Instant.now().plusSeconds(300)),
                        external)
                .statusCode(200);
        String id = given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("tokenId", request.tokenId().toString(), "to", external.getAddress()))
                .post("/api/me/wallet/withdrawals")
                .then()
                .statusCode(202)
                .body("from", equalTo(wallet))
                .extract()
                .path("id");
        ChainTransaction withdrawal = outbox.await(UUID.fromString(id), tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        assertEquals(wallet, withdrawal.signer);

        try (Anvil anvil = new Anvil()) {
            assertEquals(
                    external.getAddress().toLowerCase(), anvil.ownerOnChain(contracts.collection(), request.tokenId()));
        }
        indexer.catchUp();
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .body("tokens", empty());
    }

    private static Map<String, Object> challenge(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .post("/api/me/wallet/siwe-nonce")
                .then()
                .statusCode(200)
                .body("nonce", matchesPattern("[0-9a-f]{24}"))
                .body("domain", equalTo("localhost:8080"))
                .body("chainId", equalTo(31337))
                .extract()
                .as(Map.class);
    }

    private static String message(Map<String, Object> challenge, String address, Instant expiry) {
        return challenge.get("domain") + " wants you to sign in with your Ethereum account:\n"
                + address + "\n\n"
                + "Link this address to my ArtMint account.\n\n"
                + "URI: " + challenge.get("uri") + "\n"
                + "Version: 1\n"
                + "Chain ID: " + challenge.get("chainId") + "\n"
                + "Nonce: " + challenge.get("nonce") + "\n"
                + "Issued At: " + Instant.now().minusSeconds(5) + "\n"
                + "Expiration Time: " + expiry;
    }

    private static ValidatableResponse link(String user, String message, Credentials signer) {
        Sign.SignatureData signature =
                Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), signer.getEcKeyPair());
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(Map.of("message", message, "signature", Numeric.toHexString(bytes)))
                .post("/api/me/wallet/links")
                .then();
    }

    private static void refused(ValidatableResponse response, String reason) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:siwe-rejected"))
                .body("detail", containsString(reason));
    }

    private static UUID userId(String user) {
        return UUID.fromString(given().header("Authorization", Tokens.bearer(user))
                .get("/api/me")
                .then()
                .extract()
                .path("id"));
    }

    private static boolean holds(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return true;
            }
        }
        return false;
    }
}
