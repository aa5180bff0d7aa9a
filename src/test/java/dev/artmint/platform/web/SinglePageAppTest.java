package dev.artmint.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import dev.artmint.platform.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The web app's pages, files and caching as a browser sees them, and compressed responses. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SinglePageAppTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String SCRIPT = "/assets/spa-test-5f2a9c1e.js";
    private static final String STYLES = "/assets/spa-test-5f2a9c1e.css";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void deepLinksOfTheAppReloadIntoItsIndexPage() {
        byte[] index = resource("/META-INF/resources/index.html");
        for (String path : List.of(
                "/", "/index.html", "/studio?job=1", "/gallery?q=circle", "/artworks/abc/history", "/studio/")) {
            HttpResponse<byte[]> response = get(path, BROWSER, null);
            assertEquals(200, response.statusCode(), path);
            assertTrue(
                    header(response, "Content-Type").startsWith("text/html"),
                    path + ": " + header(response, "Content-Type"));
            assertEquals("no-cache", header(response, "Cache-Control"), path);
            assertArrayEquals(index, response.body(), path);
        }
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/gallery?q=circle"))
                .header("Accept", BROWSER)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("no-cache", header(head, "Cache-Control"));
        assertEquals(0, head.body().length);
    }

    @Test
    void whatIsNotAPageOfTheAppKeepsItsOwnAnswer() {
        HttpResponse<byte[]> api = get("/api/no-such-thing", BROWSER, null);
        assertEquals(404, api.statusCode());
        assertEquals("application/problem+json", header(api, "Content-Type"));
        assertEquals(404, get("/q/no-such-thing", BROWSER, null).statusCode());
        assertEquals(200, get("/q/health/ready", BROWSER, null).statusCode());
        HttpResponse<byte[]> missing = get("/assets/missing-0000.js", BROWSER, null);
        assertEquals(404, missing.statusCode());
        assertNotEquals(
                SinglePageApp.IMMUTABLE, header(missing, "Cache-Control"), "a missing file is not cached for a year");
        assertEquals(404, get("/downloads/report.pdf", BROWSER, null).statusCode(), "a file name is not a page");
        assertEquals(
                404,
                get("/studio", "application/json", null).statusCode(),
                "only a browser asking for HTML gets the app");
        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(uri("/studio"))
                .header("Accept", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertNotEquals(200, post.statusCode());
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        HttpResponse<byte[]> script = get(SCRIPT, "*/*", null);
        assertEquals(200, script.statusCode());
        assertEquals(SinglePageApp.IMMUTABLE, header(script, "Cache-Control"));
        assertTrue(header(script, "Content-Type").contains("javascript"), header(script, "Content-Type"));
        assertArrayEquals(resource("/META-INF/resources" + SCRIPT), script.body());
        assertEquals(SinglePageApp.IMMUTABLE, header(get(STYLES, "text/css,*/*;q=0.1", null), "Cache-Control"));
    }

    @Test
    void textScriptsStylesAndJsonAreCompressed() {
        HttpResponse<byte[]> page = get("/studio", BROWSER, "gzip");
        assertEquals("gzip", header(page, "Content-Encoding"));
        assertArrayEquals(resource("/META-INF/resources/index.html"), gunzip(page.body()));

        HttpResponse<byte[]> script = get(SCRIPT, "*/*", "br");
        assertEquals("br", header(script, "Content-Encoding"));
        assertArrayEquals(resource("/META-INF/resources" + SCRIPT), unbrotli(script.body()));
        HttpResponse<byte[]> preferred = get(SCRIPT, "*/*", "gzip, deflate, br, zstd");
        assertEquals("br", header(preferred, "Content-Encoding"), "brotli when a browser offers it");

        HttpResponse<byte[]> styles = get(STYLES, "text/css", "gzip");
        assertEquals("gzip", header(styles, "Content-Encoding"));
        assertArrayEquals(resource("/META-INF/resources" + STYLES), gunzip(styles.body()));

        HttpResponse<byte[]> json = get("/api/config", "application/json", "gzip");
        assertEquals(200, json.statusCode());
        assertEquals("gzip", header(json, "Content-Encoding"));
        assertTrue(new String(gunzip(json.body())).contains("\"clientId\":\"artmint-web\""));

        HttpResponse<byte[]> plain = get(SCRIPT, "*/*", null);
        assertFalse(
                plain.headers()
                        .firstValue("Content-Encoding")
                        .filter(encoding -> !encoding.equals("identity"))
                        .isPresent(),
                "nothing is compressed for a client that did not ask");
    }

    private static HttpResponse<byte[]> get(String path, String accept, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return send(request.GET());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /**
     * The bytes the application serves, from the same class path: the test page here, the built app in a full build.
     */
    private static byte[] resource(String name) {
        try (InputStream in = SinglePageAppTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unbrotli(byte[] body) {
        Brotli4jLoader.ensureAvailability();
        try {
            DirectDecompress result = Decoder.decompress(body);
            assertEquals(DecoderJNI.Status.DONE, result.getResultStatus());
            return result.getDecompressedData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
