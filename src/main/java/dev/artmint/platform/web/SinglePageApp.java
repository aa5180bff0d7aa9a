package dev.artmint.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the web app (built into {@code META-INF/resources}): a browser that asks for a page of the app, such as
 * {@code /studio?job=1}, gets {@code /index.html}, and the app routes on the client. The API ({@code /api/}),
 * management ({@code /q/}) and files (a last path segment with an extension) keep their own answers, 404s included.
 * {@code index.html} is revalidated on every load; the hashed files under {@code /assets/} never change, so any cache
 * may keep them for a year.
 */
@ApplicationScoped
class SinglePageApp {

    static final String INDEX = "/index.html";
    static final String NO_CACHE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /**
     * Ahead of the static files and the REST resources (which would answer 404 for an app page), so that app pages are
     * rerouted and the files' answers get the app's cache headers.
     */
    void install(@Observes Router router) {
        router.route().order(-1).handler(this::route);
    }

    private void route(RoutingContext context) {
        if (!readsFiles(context)) {
            context.next();
        } else if (!hasExtension(context.normalizedPath()) && acceptsHtml(context)) {
            context.reroute(INDEX);
        } else {
            context.addHeadersEndHandler(ignored -> cacheHeaders(context));
            context.next();
        }
    }

    /** Only on files that were found: a 404 must not be kept for a year. */
    private static void cacheHeaders(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.getStatusCode() != 200 && response.getStatusCode() != 304) {
            return;
        }
        String path = context.normalizedPath();
        if (path.equals("/") || path.equals(INDEX)) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        } else if (path.startsWith("/assets/")) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        }
    }

    private static boolean readsFiles(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && !path.equals("/api")
                && !path.startsWith("/api/")
                && !path.equals("/q")
                && !path.startsWith("/q/");
    }

    private static boolean hasExtension(String path) {
        return path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    private static boolean acceptsHtml(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
