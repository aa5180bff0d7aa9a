package dev.artmint.market;

import static io.restassured.RestAssured.given;

import dev.artmint.chain.Outbox;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Marketplace fixtures for the authorization matrix, all of ada's, made on first use: an artwork to publish, one to
 * unpublish, one with a listing too expensive for anyone to buy, and a purchase of a fourth by admin, settled.
 */
public final class MarketFixtures {

    /** More than any test wallet holds: buying it is refused for funds, so no cell changes who owns it. */
    public static final String OUT_OF_REACH_WEI = "1000000000000000000000000";

    private List<String> artworks;
    private String purchase;

    /** A published artwork of ada's. */
    public synchronized String published() {
        String artwork = artworks().get(0);
        MarketApi.publish(artwork, 0);
        return artwork;
    }

    /** Another artwork of ada's, published again for each call, so that each caller finds it published. */
    public synchronized String republished() {
        String artwork = artworks().get(1);
        MarketApi.publish(artwork, 0);
        return artwork;
    }

    /** A published artwork of ada's without an active listing. */
    public synchronized String listable() {
        String artwork = artworks().get(2);
        MarketApi.publish(artwork, 0);
        activeListing(artwork)
                .ifPresent(listing -> given().header("Authorization", Tokens.bearer("ada"))
                        .delete("/api/listings/" + listing)
                        .then()
                        .statusCode(204));
        return artwork;
    }

    /** ada's active listing of that artwork, created when there is none. */
    public synchronized String listing() {
        String artwork = artworks().get(2);
        return activeListing(artwork)
                .orElseGet(() -> MarketApi.list("ada", listable(), OUT_OF_REACH_WEI)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    /** A purchase by admin of a listing of ada's, settled. */
    public synchronized String purchase() {
        if (purchase == null) {
            String artwork = artworks().get(3);
            MarketApi.publish(artwork, 0);
            String listing = MarketApi.list("ada", artwork, "1000")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            MarketApi.fund(Arc.container().instance(Outbox.class).get(), "admin");
            purchase = MarketApi.buy("admin", listing)
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            MarketApi.awaitFinal("admin", purchase);
        }
        return purchase;
    }

    private List<String> artworks() {
        if (artworks == null) {
            artworks = MarketApi.artworks(
                    Arc.container().instance(WorkerPool.class).get(), 4);
        }
        return artworks;
    }

    private static Optional<String> activeListing(String artwork) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Listing.activeFor(UUID.fromString(artwork)).map(listing -> listing.id.toString()));
    }
}
