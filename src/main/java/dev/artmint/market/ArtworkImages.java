package dev.artmint.market;

import java.util.UUID;

/** Where the web app fetches an artwork's image and thumbnail (the studio serves both). */
public final class ArtworkImages {

    private ArtworkImages() {}

    public static String imageUrl(UUID artworkId) {
        return "/api/artworks/" + artworkId + "/image";
    }

    public static String thumbnailUrl(UUID artworkId) {
        return "/api/artworks/" + artworkId + "/thumbnail";
    }
}
