package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Licence;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Real artworks, publication, wallets and chain waits for the market's tests. */
final class TokenFixtures {

    static final Duration WAIT = Duration.ofSeconds(60);

    private TokenFixtures() {}

    /** Artworks of a user, rendered by a real worker with the tiny fixture model. */
    static List<UUID> generate(WorkerPool workers, String user, int count) {
        String job = given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(Map.of("prompt", "a harbour at night", "steps", 2, "width", 64, "height", 64, "count", count))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        workers.start(1);
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (true) {
                JsonPath view = given().header("Authorization", Tokens.bearer(user))
                        .get("/api/generations/" + job)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                if ("SUCCEEDED".equals(view.getString("status"))) {
                    return view.getList("artworks", String.class).stream()
                            .map(UUID::fromString)
                            .toList();
                }
                if (Instant.now().isAfter(deadline)
                        || List.of("FAILED", "CANCELLED").contains(view.getString("status"))) {
                    fail("the fixture generation did not succeed: " + view.prettify());
                }
                sleep(200);
            }
        } finally {
            workers.stop();
        }
    }

    /** Publishes an artwork as the publish endpoint would (that endpoint lives on another branch). */
    static Artwork publish(UUID artworkId, String title, int royaltyBps) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Artwork artwork = Artwork.findById(artworkId);
            artwork.published = true;
            artwork.title = title;
            artwork.description = "A harbour, by night, for " + title;
            artwork.licence = Licence.COMMERCIAL;
            artwork.royaltyBps = royaltyBps;
            artwork.publishedAt = Instant.now();
            return artwork;
        });
    }

    static void setHidden(UUID artworkId, boolean hidden) {
        QuarkusTransaction.requiringNew().run(() -> Artwork.<Artwork>findById(artworkId).hidden = hidden);
    }

    static UUID userId(String user) {
        return UUID.fromString(given().header("Authorization", Tokens.bearer(user))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }

    static String custodialAddress(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .path("address");
    }

    static BigInteger balance(String user) {
        return new BigInteger(given().header("Authorization", Tokens.bearer(user))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("balanceWei"));
    }

    /** Funds the user's custodial wallet from the local faucet and waits for it. */
    static void fund(Outbox outbox, String user) {
        String id = given().header("Authorization", Tokens.bearer(user))
                .post("/api/me/wallet/faucet")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        confirmed(outbox, UUID.fromString(id));
    }

    static ChainTransaction confirmed(Outbox outbox, UUID txId) {
        return outbox.await(txId, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
    }

    /** Links an external address to the user's account with a real EIP-4361 signature. */
    static void link(String user, Credentials external) {
        Map<String, Object> challenge = given().header("Authorization", Tokens.bearer(user))
                .post("/api/me/wallet/siwe-nonce")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        String message = challenge.get("domain") + " wants you to sign in with your Ethereum account:\n"
                + external.getAddress() + "\n\n"
                + "Link this address to my ArtMint account.\n\n"
                + "URI: " + challenge.get("uri") + "\n"
                + "Version: 1\n"
                + "Chain ID: " + challenge.get("chainId") + "\n"
                + "Nonce: " + challenge.get("nonce") + "\n"
                + "Issued At: " + Instant.now().minusSeconds(5) + "\n"
                + "Expiration Time: " + Instant.now().plusSeconds(300);
        Sign.SignatureData signature =
                Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), external.getEcKeyPair());
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(Map.of("message", message, "signature", Numeric.toHexString(bytes)))
                .post("/api/me/wallet/links")
                .then()
                .statusCode(200);
    }

    /** Puts an active listing on an artwork, as the listing endpoint (on another branch) would. */
    static UUID list(UUID artworkId, String sellerAddress, Listing.Kind kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Artwork artwork = Artwork.findById(artworkId);
            Listing listing = new Listing();
            listing.id = UUID.randomUUID();
            listing.artworkId = artworkId;
            listing.tokenId = artwork.tokenId;
            listing.sellerId = artwork.creatorId;
            listing.sellerAddress = sellerAddress;
            listing.priceWei = BigInteger.TEN.pow(17);
            listing.kind = kind;
            listing.status = Listing.Status.ACTIVE;
            listing.createdAt = Instant.now();
            listing.updatedAt = listing.createdAt;
            listing.persist();
            return listing.id;
        });
    }

    static void withdraw(UUID listingId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Listing listing = Listing.findById(listingId);
            listing.status = Listing.Status.WITHDRAWN;
            listing.closedAt = Instant.now();
        });
    }

    static List<Activity> activities(UUID artworkId, Activity.Kind kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>list("artworkId = ?1 and kind = ?2 order by id", artworkId, kind));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
