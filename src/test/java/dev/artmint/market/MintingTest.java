package dev.artmint.market;

import static dev.artmint.market.TokenFixtures.activities;
import static dev.artmint.market.TokenFixtures.confirmed;
import static dev.artmint.market.TokenFixtures.custodialAddress;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainConfig;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TokenOwnership;
import dev.artmint.market.listing.Listing;
import dev.artmint.market.token.MintedTokens;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.storage.ObjectStore;
import dev.artmint.storage.ObjectStoreException;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.tuples.generated.Tuple2;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MintingTest {

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
    ObjectStore store;

    @Inject
    ChainConfig chainConfig;

    private final Deque<UUID> fresh = new ArrayDeque<>();

    /** One of ada's artworks no other test touched; rendered together on first use (RestAssured is set up by then). */
    private synchronized UUID fresh() {
        if (fresh.isEmpty()) {
            fresh.addAll(TokenFixtures.generate(workers, "ada", 4));
        }
        return fresh.pop();
    }

    @Test
    void theCreatorMintsToTheCustodialWalletWithRoyaltyAndTokenUri() throws Exception {
        Artwork artwork = TokenFixtures.publish(fresh(), "Harbour I", 750);
        String wallet = custodialAddress("ada");

        // no body and no content type at all, as "curl -X POST" sends it: the custodial wallet
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/artworks/"
                                        + artwork.id + "/mint"))
                                .header("Authorization", Tokens.bearer("ada"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        JsonPath accepted = new JsonPath(response.body());
        assertEquals(artwork.tokenId.toString(), accepted.getString("tokenId"));
        assertEquals(wallet, accepted.getString("to"));
        assertEquals("SENT", accepted.getString("transaction.status"));
        ChainTransaction tx = confirmed(outbox, UUID.fromString(accepted.getString("transaction.id")));
        assertEquals(tx.hash, accepted.getString("transaction.hash"));
        indexer.catchUp();

        assertEquals(
                Optional.of(wallet), QuarkusTransaction.requiringNew().call(() -> ownership.ownerOf(artwork.tokenId)));
        try (Anvil anvil = new Anvil()) {
            String collection = contracts.collection();
            assertEquals(wallet, anvil.ownerOnChain(collection, artwork.tokenId));
            Tuple2<String, BigInteger> royalty = anvil.collection(collection)
                    .royaltyInfo(artwork.tokenId, BigInteger.valueOf(1_000_000))
                    .send();
            assertEquals(wallet, royalty.component1().toLowerCase());
            assertEquals(BigInteger.valueOf(75_000), royalty.component2());
            assertEquals(
                    chainConfig.contracts().baseUri() + artwork.tokenId,
                    anvil.collection(collection).tokenURI(artwork.tokenId).send());
        }
        List<Activity> minted = activities(artwork.id, Activity.Kind.MINTED);
        assertEquals(1, minted.size());
        assertEquals(wallet, minted.getFirst().toAddress);
        assertEquals(tx.hash, minted.getFirst().txHash);
        assertEquals(TokenFixtures.userId("ada"), minted.getFirst().actorId);

        refused(mint("ada", artwork.id, Map.of("to", "custodial")), 409, "conflict", "minted already");
        refused(mint("bo", artwork.id, Map.of()), 403, "forbidden", "creator");
        refused(mint("admin", artwork.id, Map.of()), 403, "forbidden", "creator");
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/artworks/" + artwork.id + "/mint")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertEquals(1, activities(artwork.id, Activity.Kind.MINTED).size());
    }

    @Test
    void anUnpublishedArtworkIsNotMintedAndOthersCannotSeeIt() {
        UUID artwork = fresh();
        refused(mint("ada", artwork, Map.of("to", "custodial")), 409, "conflict", "publish the artwork");
        refused(mint("bo", artwork, Map.of()), 404, "not-found", "no artwork");
        leftNothingBehind(artwork);
    }

    @Test
    void onlyALinkedAddressMayReceiveTheToken() throws Exception {
        Artwork artwork = TokenFixtures.publish(fresh(), "Harbour II", 0);
        Credentials external = Credentials.create(Keys.createEcKeyPair());

        refused(mint("ada", artwork.id, Map.of("to", external.getAddress())), 409, "conflict", "not linked");
        leftNothingBehind(artwork.id);

        TokenFixtures.link("ada", external);
        String checksummed = Keys.toChecksumAddress(external.getAddress());
        String txId = mint("ada", artwork.id, Map.of("to", checksummed))
                .statusCode(202)
                .body("to", equalTo(external.getAddress().toLowerCase()))
                .extract()
                .path("transaction.id");
        confirmed(outbox, UUID.fromString(txId));
        try (Anvil anvil = new Anvil()) {
            assertEquals(
                    external.getAddress().toLowerCase(), anvil.ownerOnChain(contracts.collection(), artwork.tokenId));
        }
    }

    @Test
    void aLazyMintListingOrAHiddenArtworkIsNotMinted() {
        Artwork artwork = TokenFixtures.publish(fresh(), "Harbour III", 500);
        UUID listing = TokenFixtures.list(artwork.id, custodialAddress("ada"), Listing.Kind.LAZY_MINT);
        refused(mint("ada", artwork.id, Map.of()), 409, "conflict", "withdraw the listing first");
        TokenFixtures.withdraw(listing);

        TokenFixtures.setHidden(artwork.id, true);
        refused(mint("ada", artwork.id, Map.of()), 404, "not-found", "no artwork");
        refused(mint("admin", artwork.id, Map.of()), 403, "forbidden", "creator");
        TokenFixtures.setHidden(artwork.id, false);
        leftNothingBehind(artwork.id);

        mint("ada", artwork.id, Map.of("to", "nobody"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors[0].field", equalTo("to"));
        refused(mint("ada", UUID.randomUUID(), Map.of()), 404, "not-found", "no artwork");
    }

    @Test
    void ofTwoConcurrentMintsOfOneArtworkOneIsSent() throws Exception {
        Artwork artwork = TokenFixtures.publish(fresh(), "Harbour IV", 100);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/artworks/" + artwork.id + "/mint"))
                .header("Authorization", Tokens.bearer("ada"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"custodial\"}"))
                .build();
        List<CompletableFuture<HttpResponse<String>>> responses = List.of(
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            statuses.add(response.get(60, TimeUnit.SECONDS).statusCode());
        }
        statuses.sort(null);
        assertEquals(List.of(202, 409), statuses);
        assertEquals(1, activities(artwork.id, Activity.Kind.MINTED).size());
        confirmed(outbox, minting.mintOf(artwork.tokenId).orElseThrow().id);
    }

    /**
     * A mint between its claim and its transaction (here the claim a request holds while it writes the metadata), then
     * a lazy-mint listing: refused, as the buyer's voucher would mint the same token a second time. Once the claim is
     * gone and no mint was recorded, the listing is made.
     */
    @Test
    void aLazyMintListingIsRefusedWhileAMintOfTheArtworkIsClaimed() {
        Artwork artwork = TokenFixtures.publish(fresh(), "Harbour V", 100);
        QuarkusTransaction.requiringNew()
                .run(() -> Artwork.getEntityManager()
                        .createNativeQuery("insert into mint_claim (artwork_id, claimed_at) values (?1, now())")
                        .setParameter(1, artwork.id)
                        .executeUpdate());
        try {
            MarketApi.list("ada", artwork.id.toString(), "1000")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("being minted"));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> Artwork.getEntityManager()
                            .createNativeQuery("delete from mint_claim where artwork_id = ?1")
                            .setParameter(1, artwork.id)
                            .executeUpdate());
        }
        MarketApi.list("ada", artwork.id.toString(), "1000")
                .then()
                .statusCode(201)
                .body("kind", equalTo("LAZY_MINT"));
    }

    private void leftNothingBehind(UUID artworkId) {
        Artwork artwork = QuarkusTransaction.requiringNew().call(() -> Artwork.findById(artworkId));
        assertTrue(minting.mintOf(artwork.tokenId).isEmpty(), "no mint transaction");
        assertTrue(activities(artworkId, Activity.Kind.MINTED).isEmpty(), "no activity");
        assertThrows(
                ObjectStoreException.class,
                () -> store.get(MintedTokens.objectKey(artwork.tokenId)),
                "no metadata object");
    }

    private static ValidatableResponse mint(String user, UUID artworkId, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/artworks/" + artworkId + "/mint")
                .then();
    }

    private static void refused(ValidatableResponse response, int status, String type, String detail) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:" + type))
                .body("detail", containsString(detail));
    }
}
