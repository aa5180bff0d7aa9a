package dev.artmint.market;

import static dev.artmint.market.TokenFixtures.activities;
import static dev.artmint.market.TokenFixtures.confirmed;
import static dev.artmint.market.TokenFixtures.custodialAddress;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TokenOwnership;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class TokenTransferTest {

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    Minting minting;

    @Inject
    Contracts contracts;

    @Inject
    ChainIndexer indexer;

    @Inject
    TokenOwnership ownership;

    @Inject
    Wallets wallets;

    @Test
    void theOwnerSendsTheTokenToAnyAddressOnce() throws Exception {
        Artwork artwork =
                TokenFixtures.publish(TokenFixtures.generate(workers, "ada", 1).getFirst(), "Gulls", 300);
        String wallet = custodialAddress("ada");
        confirmed(
                outbox,
                UUID.fromString(given().header("Authorization", Tokens.bearer("ada"))
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .post("/api/artworks/" + artwork.id + "/mint")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("transaction.id")));
        TokenFixtures.fund(outbox, "ada");
        String token = artwork.tokenId.toString();
        String external = Credentials.create(Keys.createEcKeyPair()).getAddress();

        refused(transfer("bo", token, Map.of("to", external), null), 403, "forbidden", "not in your custodial wallet");
        refused(
                transfer("admin", token, Map.of("to", external), null),
                403,
                "forbidden",
                "not in your custodial wallet");
        transfer(null, token, Map.of("to", external), null).statusCode(401);
        refused(transfer("ada", "12345", Map.of("to", external), null), 404, "not-found", "no token 12345");
        invalidTo(transfer("ada", token, Map.of("to", "0x1234"), null));
        invalidTo(transfer("ada", token, Map.of(), null));
        invalidTo(transfer("ada", token, Map.of("to", "0x0000000000000000000000000000000000000000"), null))
                .body("errors[0].message", containsString("zero address"));
        invalidTo(transfer("ada", token, Map.of("to", contracts.collection()), null))
                .body("errors[0].message", containsString("contracts"));
        invalidTo(transfer(
                "ada", token, Map.of("to", contracts.market().toUpperCase().replace("0X", "0x")), null));

        UUID listing = TokenFixtures.list(artwork.id, wallet, Listing.Kind.MARKET);
        refused(transfer("ada", token, Map.of("to", external), null), 409, "conflict", "withdraw the listing first");
        // a withdrawal to the owner's own linked address is refused as well, also while the listing is withdrawing
        Credentials linked = Credentials.create(Keys.createEcKeyPair());
        TokenFixtures.link("ada", linked);
        refused(withdrawal(token, linked.getAddress()), 409, "conflict", "withdraw the listing first");
        QuarkusTransaction.requiringNew()
                .run(() -> Listing.update("status = ?1 where id = ?2", Listing.Status.WITHDRAWING, listing));
        refused(withdrawal(token, linked.getAddress()), 409, "conflict", "withdrawing");
        refused(transfer("ada", token, Map.of("to", external), null), 409, "conflict", "withdrawing");
        TokenFixtures.withdraw(listing);
        assertTrue(activities(artwork.id, Activity.Kind.TRANSFERRED).isEmpty());

        String key = UUID.randomUUID().toString();
        String txId = transfer("ada", token, Map.of("to", Keys.toChecksumAddress(external)), key)
                .statusCode(202)
                .body("from", equalTo(wallet))
                .body("to", equalTo(contracts.collection()))
                .extract()
                .path("id");
        transfer("ada", token, Map.of("to", external), key).statusCode(202).body("id", equalTo(txId));
        // the key names that request only: another request with it is refused, never answered with this transaction
        refused(transfer("ada", token, Map.of("to", wallet), key), 422, "idempotency-key-reused", "another request");
        transfer("ada", token, Map.of("to", external), "k".repeat(101))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        ChainTransaction tx = confirmed(outbox, UUID.fromString(txId));

        try (Anvil anvil = new Anvil()) {
            assertEquals(external.toLowerCase(), anvil.ownerOnChain(contracts.collection(), artwork.tokenId));
        }
        indexer.catchUp();
        assertEquals(
                Optional.of(external.toLowerCase()),
                QuarkusTransaction.requiringNew().call(() -> ownership.ownerOf(artwork.tokenId)));
        List<Activity> transferred = activities(artwork.id, Activity.Kind.TRANSFERRED);
        assertEquals(1, transferred.size());
        assertEquals(wallet, transferred.getFirst().fromAddress);
        assertEquals(external.toLowerCase(), transferred.getFirst().toAddress);
        assertEquals(tx.hash, transferred.getFirst().txHash);

        refused(transfer("ada", token, Map.of("to", wallet), null), 403, "forbidden", "not in your custodial wallet");
    }

    @Test
    void aWalletWithoutEtherForGasIsToldHowMuchItNeeds() {
        String wallet = custodialAddress("bo");
        MintRequest request = new MintRequest(wallet, Anvil.randomHash(), wallet, 0);
        confirmed(outbox, minting.mint(request).id);
        drain("bo", wallet);
        String token = request.tokenId().toString();
        String external = Anvil.account(8).getAddress();

        // the same body as every other insufficient-funds refusal: the amounts as decimal wei beside the detail
        ExtractableResponse<Response> refusal = refused(
                        transfer("bo", token, Map.of("to", external), null),
                        402,
                        "insufficient-funds",
                        "paying the gas of sending token " + token)
                .extract();
        BigInteger balance = TokenFixtures.balance("bo");
        BigInteger needed = new BigInteger(refusal.<String>path("amountNeededWei"));
        assertEquals(balance.toString(), refusal.path("balanceWei"));
        assertTrue(needed.compareTo(balance) > 0, refusal.asString());
        assertEquals(needed.subtract(balance).toString(), refusal.path("shortfallWei"));

        TokenFixtures.fund(outbox, "bo");
        String txId = transfer("bo", token, Map.of("to", external), null)
                .statusCode(202)
                .extract()
                .path("id");
        confirmed(outbox, UUID.fromString(txId));
        try (Anvil anvil = new Anvil()) {
            assertEquals(external.toLowerCase(), anvil.ownerOnChain(contracts.collection(), request.tokenId()));
        }
    }

    /** Sends away all of a custodial wallet's ether but what that transaction's gas may cost. */
    private void drain(String user, String wallet) {
        String sink = Anvil.account(2).getAddress();
        BigInteger balance = TokenFixtures.balance(user);
        BigInteger gas = outbox.maxCost(wallet, sink, BigInteger.ZERO, "0x");
        if (balance.compareTo(gas) > 0) {
            ChainTransaction tx = wallets.send(
                    TokenFixtures.userId(user), "drain:" + UUID.randomUUID(), sink, balance.subtract(gas), "0x");
            confirmed(outbox, tx.id);
        }
    }

    private static ValidatableResponse transfer(
            String user, String tokenId, Map<String, Object> body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (user != null) {
            request.header("Authorization", Tokens.bearer(user));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/tokens/" + tokenId + "/transfer").then();
    }

    private static ValidatableResponse invalidTo(ValidatableResponse response) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors[0].field", equalTo("to"));
    }

    private static ValidatableResponse withdrawal(String tokenId, String to) {
        return given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("tokenId", tokenId, "to", to))
                .post("/api/me/wallet/withdrawals")
                .then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String type, String detail) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:" + type))
                .body("detail", containsString(detail));
    }
}
