package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.identity.User;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class LikesTest {

    @Test
    void aLikeCountsOnceAndUnlikingTakesItBack() {
        User creator = BrowseFixtures.creator("likes");
        Artwork artwork =
                BrowseFixtures.artwork(creator.id, BrowseFixtures.Work.published("Liked", "liked", Instant.now()));

        like("ada", "POST", artwork)
                .statusCode(200)
                .body("liked", equalTo(true))
                .body("likes", equalTo(1));
        like("ada", "POST", artwork)
                .statusCode(200)
                .body("liked", equalTo(true))
                .body("likes", equalTo(1));
        like("bo", "POST", artwork).statusCode(200).body("liked", equalTo(true)).body("likes", equalTo(2));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/market/artworks/" + artwork.id)
                .then()
                .statusCode(200)
                .body("likes", equalTo(2))
                .body("likedByMe", equalTo(true));
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/market/artworks/" + artwork.id)
                .then()
                .statusCode(200)
                .body("likedByMe", equalTo(false));

        like("ada", "DELETE", artwork)
                .statusCode(200)
                .body("liked", equalTo(false))
                .body("likes", equalTo(1));
        like("ada", "DELETE", artwork)
                .statusCode(200)
                .body("liked", equalTo(false))
                .body("likes", equalTo(1));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Artwork.<Artwork>findById(artwork.id).likeCount));
        given().get("/api/market/artworks/" + artwork.id).then().statusCode(200).body("likes", equalTo(1));
    }

    @Test
    void onlyPublishedVisibleArtworksCanBeLikedAndOnlyWithAToken() {
        User creator = BrowseFixtures.creator("likes");
        Artwork draft = BrowseFixtures.artwork(
                creator.id,
                BrowseFixtures.Work.published("Draft", "d", Instant.now()).asUnpublished());
        Artwork hidden = BrowseFixtures.artwork(
                creator.id,
                BrowseFixtures.Work.published("Hidden", "h", Instant.now()).asHidden());
        like("ada", "POST", draft).statusCode(404).contentType("application/problem+json");
        like("ada", "POST", hidden).statusCode(404);
        like("ada", "DELETE", hidden).statusCode(404);
        Artwork published =
                BrowseFixtures.artwork(creator.id, BrowseFixtures.Work.published("Open", "o", Instant.now()));
        given().post("/api/artworks/" + published.id + "/like").then().statusCode(401);
    }

    @Test
    void thePopularOrderFollowsLikes() {
        User creator = BrowseFixtures.creator("popular");
        Artwork first = BrowseFixtures.artwork(creator.id, BrowseFixtures.Work.published("First", "f", Instant.now()));
        Artwork second =
                BrowseFixtures.artwork(creator.id, BrowseFixtures.Work.published("Second", "s", Instant.now()));
        BrowseFixtures.listing(first, BigInteger.ONE, Instant.now());
        BrowseFixtures.listing(second, BigInteger.ONE, Instant.now());
        like("ada", "POST", second).statusCode(200);
        assertEquals(List.of(second.id.toString(), first.id.toString()), popular(creator));
        like("ada", "POST", first).statusCode(200);
        like("bo", "POST", first).statusCode(200);
        assertEquals(List.of(first.id.toString(), second.id.toString()), popular(creator));
    }

    private static List<String> popular(User creator) {
        return given().queryParam("creator", creator.handle)
                .queryParam("sort", "popular")
                .get("/api/market/listings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.artworkId", String.class);
    }

    private static ValidatableResponse like(String user, String method, Artwork artwork) {
        return given().header("Authorization", Tokens.bearer(user))
                .request(method, "/api/artworks/" + artwork.id + "/like")
                .then();
    }
}
