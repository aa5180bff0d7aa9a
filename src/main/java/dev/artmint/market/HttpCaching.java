package dev.artmint.market;

import jakarta.ws.rs.core.CacheControl;
import java.time.Duration;

/** The Cache-Control of the market's pages: the same for everyone, or a signed-in caller's own. */
public final class HttpCaching {

    private HttpCaching() {}

    /** A page with no per-caller field: shared caches may keep it for {@code maxAge}. */
    public static CacheControl shared(Duration maxAge) {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setMaxAge((int) maxAge.toSeconds());
        cache.getCacheExtension().put("public", null);
        return cache;
    }

    /** A signed-in caller's page says whether they liked it, and may show what only they can see. */
    public static CacheControl personal() {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setPrivate(true);
        cache.setNoCache(true);
        return cache;
    }
}
