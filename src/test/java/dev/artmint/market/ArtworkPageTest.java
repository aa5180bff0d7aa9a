package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.identity.User;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.storage.ObjectStore;
import dev.artmint.storage.StoredObject;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ArtworkPageTest {

    @Inject
    Minting minting;

    @Inject
    Outbox outbox;

    @Inject
    Contracts contracts;

    @Inject
    ChainIndexer indexer;

    @Inject
    ObjectStore store;

    @Test
    void thePublicPageShowsTheArtworkItsListingAndItsHistory() {
        User creator = BrowseFixtures.creator("page");
        Artwork artwork = BrowseFixtures.artwork(
                creator.id,
                BrowseFixtures.Work.published("Red circle", "a red circle", Instant.now())
                        .description("the first one")
                        .likes(3));
        Listing listing = BrowseFixtures.listing(artwork, new BigInteger("1500000000000000000"), Instant.now());

        JsonPath page = given().get("/api/market/artworks/" + artwork.id)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .extract()
                .jsonPath();
        assertEquals("Red circle", page.getString("title"));
        assertEquals("the first one", page.getString("description"));
        assertEquals("PERSONAL", page.getString("licence"));
        assertEquals(500, page.getInt("royaltyBps"));
        assertEquals(Map.of("handle", creator.handle, "displayName", creator.displayName), page.getMap("creator"));
        assertEquals(3, page.getInt("likes"));
        assertNull(page.get("likedByMe"));
        assertEquals("/api/artworks/" + artwork.id + "/image", page.getString("image"));
        assertEquals("/api/artworks/" + artwork.id + "/thumbnail", page.getString("thumbnail"));
        assertEquals(artwork.provenanceHash, page.getString("provenance.hash"));
        assertEquals(artwork.provenanceJson, page.getString("provenance.canonicalJson"));
        assertEquals("a red circle", page.getString("provenance.record.prompt"));
        assertEquals(listing.id.toString(), page.getString("listing.id"));
        assertEquals("1500000000000000000", page.getString("listing.priceWei"));
        assertEquals("LAZY_MINT", page.getString("listing.kind"));
        // what the buyer's balance must hold beyond the price: the purchase's gas limit at the current max fee
        assertTrue(new BigInteger(page.getString("listing.gasReserveWei")).signum() > 0);
        assertEquals(false, page.getBoolean("chain.minted"));
        assertEquals(contracts.collection(), page.getString("chain.contract"));
        assertEquals(artwork.tokenId.toString(), page.getString("chain.tokenId"));
        assertNull(page.get("chain.owner"));
        assertEquals(List.of("GENERATED", "PUBLISHED", "LISTED"), page.getList("history.kind"));
        assertEquals("1500000000000000000", page.getString("history[2].priceWei"));
        assertEquals(creator.handle, page.getString("history[2].actor"));
    }

    @Test
    void aTransferMadeDirectlyOnTheChainShowsInTheHistoryWithTheNewOwner() {
        User creator = BrowseFixtures.creator("chain");
        Artwork artwork = BrowseFixtures.artwork(
                creator.id, BrowseFixtures.Work.published("Minted", "a blue square", Instant.now()));
        String boWallet = given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .path("address");

        Credentials holder = Anvil.account(5);
        ChainTransaction mint = minting.mint(new MintRequest(
                holder.getAddress(), artwork.provenanceHash, Anvil.account(4).getAddress(), 500));
        mint = outbox.await(mint.id, tx -> tx.status == TxStatus.CONFIRMED, Duration.ofSeconds(60));
        TransactionReceipt transfer;
        try (Anvil anvil = new Anvil()) {
            transfer = anvil.transferDirectly(contracts.collection(), holder, boWallet, artwork.tokenId);
        }
        assertTrue(transfer.isStatusOK());
        indexer.catchUp();

        JsonPath page = given().get("/api/market/artworks/" + artwork.id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(true, page.getBoolean("chain.minted"));
        assertEquals(boWallet.toLowerCase(), page.getString("chain.owner"));
        assertEquals("bo", page.getString("chain.ownerHandle"));
        assertEquals(mint.hash, page.getString("chain.mintTxHash"));
        assertEquals(transfer.getTransactionHash(), page.getString("chain.lastTransferTxHash"));

        assertEquals(List.of("GENERATED", "PUBLISHED", "MINTED", "TRANSFERRED"), page.getList("history.kind"));
        Map<String, Object> minted = page.getMap("history[2]");
        assertEquals("0x0000000000000000000000000000000000000000", minted.get("from"));
        assertEquals(holder.getAddress().toLowerCase(), minted.get("to"));
        assertEquals(mint.hash, minted.get("txHash"));
        assertEquals(mint.blockNumber.intValue(), ((Number) minted.get("blockNumber")).intValue());
        Map<String, Object> transferred = page.getMap("history[3]");
        assertEquals(holder.getAddress().toLowerCase(), transferred.get("from"));
        assertEquals(boWallet.toLowerCase(), transferred.get("to"));
        assertEquals(transfer.getTransactionHash(), transferred.get("txHash"));
        assertEquals(transfer.getBlockNumber().intValue(), ((Number) transferred.get("blockNumber")).intValue());
        List<Instant> times = page.getList("history.at", String.class).stream()
                .map(Instant::parse)
                .toList();
        assertEquals(times.stream().sorted().toList(), times);
    }

    @Test
    void onlyItsCreatorAndAdminsSeeAnUnpublishedArtwork() {
        UUID ada = userId("ada");
        Artwork draft = BrowseFixtures.artwork(
                ada,
                BrowseFixtures.Work.published("Draft", "a draft", Instant.now()).asUnpublished());
        given().get("/api/market/artworks/" + draft.id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/market/artworks/" + draft.id)
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/market/artworks/" + draft.id)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("private"))
                .body("published", equalTo(false))
                .body("likedByMe", equalTo(false))
                .body("listing", nullValue());
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/market/artworks/" + draft.id)
                .then()
                .statusCode(200);

        Artwork hidden = BrowseFixtures.artwork(
                ada,
                BrowseFixtures.Work.published("Hidden", "hidden", Instant.now()).asHidden());
        given().get("/api/market/artworks/" + hidden.id).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/market/artworks/" + hidden.id)
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/market/artworks/" + hidden.id)
                .then()
                .statusCode(200);
        given().get("/api/market/artworks/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void imagesOfPublishedArtworksArePublicOthersStayPrivate() {
        UUID ada = userId("ada");
        byte[] image = ("image " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] thumbnail = ("thumbnail " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        StoredObject imageObject = store.put("images", "png", image, "image/png");
        StoredObject thumbnailObject = store.put("thumbnails", "png", thumbnail, "image/png");
        Artwork published = BrowseFixtures.artwork(
                ada,
                BrowseFixtures.Work.published("Public", "public", Instant.now()),
                imageObject.key(),
                thumbnailObject.key());
        Artwork draft = BrowseFixtures.artwork(
                ada,
                BrowseFixtures.Work.published("Draft", "draft", Instant.now()).asUnpublished(),
                imageObject.key(),
                thumbnailObject.key());

        assertArrayEquals(
                image,
                given().get("/api/artworks/" + published.id + "/image")
                        .then()
                        .statusCode(200)
                        .contentType("image/png")
                        .header("Cache-Control", containsString("public"))
                        .extract()
                        .asByteArray());
        assertArrayEquals(
                thumbnail,
                given().get("/api/artworks/" + published.id + "/thumbnail")
                        .then()
                        .statusCode(200)
                        .header("Cache-Control", containsString("public"))
                        .extract()
                        .asByteArray());

        for (String part : List.of("/image", "/thumbnail")) {
            given().get("/api/artworks/" + draft.id + part).then().statusCode(401);
            given().header("Authorization", Tokens.bearer("bo"))
                    .get("/api/artworks/" + draft.id + part)
                    .then()
                    .statusCode(404);
            given().header("Authorization", Tokens.bearer("ada"))
                    .get("/api/artworks/" + draft.id + part)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", equalTo("max-age=31536000, private, immutable"));
        }
        // the rest of the studio's artwork API still needs a token
        given().get("/api/artworks/" + published.id).then().statusCode(401);
        given().get("/api/artworks/" + published.id + "/provenance").then().statusCode(401);
    }

    static UUID userId(String user) {
        return UUID.fromString(given().header("Authorization", Tokens.bearer(user))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }
}
