package dev.artmint.studio;

import static dev.artmint.studio.StudioApi.queue;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.StudioApi.EventStream;
import dev.artmint.studio.StudioApi.EventStream.Event;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's event stream as a browser's EventSource reads it, across reconnections with Last-Event-ID. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class JobEventsTest {

    @Inject
    WorkerPool workers;

    @AfterEach
    void stopWorkers() {
        workers.stop();
    }

    @Test
    void eachImageIsToldOnceBeforeDoneAndAReconnectionHearsOnlyWhatFollows() throws Exception {
        UUID jobId = queue(
                "ada",
                Map.of("prompt", "two small kites", "negativePrompt", "fog", "seed", 11, "steps", 4, "count", 2));
        List<Event> events;
        String retry;
        try (EventStream stream = new EventStream("ada", jobId)) {
            Event queued = stream.next();
            assertEquals("queued", queued.name());
            assertEquals("0.0." + queued.data().getInt("position"), queued.id());
            workers.start(1);
            events = stream.rest();
            retry = stream.retry();
        }
        assertEquals("1000", retry, "the stream asks for a quick reconnection");
        List<Event> images = named(events, "image");
        assertEquals(2, images.size(), "events: " + events);
        Event done = events.getLast();
        assertEquals("done", done.name());
        List<String> artworkIds = done.data().getList("artworks", String.class);
        assertEquals(
                artworkIds,
                images.stream().map(image -> image.data().getString("id")).toList());
        assertNotEquals(artworkIds.get(0), artworkIds.get(1));
        assertEquals(List.of("1.4.0", "2.4.0"), images.stream().map(Event::id).toList());
        assertEquals("2.4.end", done.id());
        for (Event progress : named(events, "progress")) {
            assertEquals("0." + progress.data().getInt("step") + ".0", progress.id());
        }
        assertEquals(images, events.subList(events.size() - 3, events.size() - 1), "the images come just before done");

        Event first = images.getFirst();
        assertEquals(0, first.data().getInt("imageIndex"));
        assertEquals("two small kites", first.data().getString("prompt"));
        assertEquals("fog", first.data().getString("negativePrompt"));
        assertEquals(4, first.data().getInt("steps"));
        assertEquals(11L, first.data().getLong("seed"));
        assertEquals("euler_a", first.data().getString("scheduler"));
        assertTrue(
                first.data().getString("modelSha256").matches("[0-9a-f]{64}"),
                first.data().prettify());
        assertTrue(
                first.data().getString("tokenId").matches("[0-9]+"),
                first.data().prettify());
        assertFalse(first.data().getBoolean("minted"));
        assertFalse(first.data().getBoolean("published"));
        assertNull(first.data().getString("title"));
        assertEquals(
                "/api/artworks/" + artworkIds.getFirst() + "/thumbnail",
                first.data().getString("thumbnail"));

        try (EventStream resumed = new EventStream("ada", jobId, first.id())) {
            List<Event> rest = resumed.rest();
            assertEquals(
                    List.of("image", "done"),
                    rest.stream().map(Event::name).toList(),
                    "after the first image: " + rest);
            assertEquals(artworkIds.get(1), rest.getFirst().data().getString("id"));
            assertEquals(
                    List.of("2.4.0", "2.4.end"), rest.stream().map(Event::id).toList());
        }
        try (EventStream afterSteps = new EventStream("ada", jobId, "0.4.0")) {
            assertEquals(
                    List.of("image", "image", "done"),
                    afterSteps.rest().stream().map(Event::name).toList());
        }
        try (EventStream fresh = new EventStream("ada", jobId)) {
            List<Event> state = fresh.rest();
            assertEquals(
                    List.of("image", "image", "done"),
                    state.stream().map(Event::name).toList(),
                    "a finished job's state: its images and its end");
            assertEquals(
                    List.of("1.4.0", "2.4.0", "2.4.end"),
                    state.stream().map(Event::id).toList());
        }
        try (EventStream over = new EventStream("ada", jobId, done.id())) {
            assertEquals(204, over.status(), "after the final event an EventSource is told to stop");
        }
        try (EventStream foreign = new EventStream("ada", jobId, "not-an-id")) {
            assertEquals(3, foreign.rest().size(), "an id that is not ours starts the story afresh");
        }
    }

    @Test
    void aReconnectionWhileQueuedDoesNotRepeatThePosition() throws Exception {
        UUID jobId = queue("ada", Map.of("prompt", "a waiting room", "steps", 2));
        String seen;
        try (EventStream stream = new EventStream("ada", jobId)) {
            Event queued = stream.next();
            assertEquals("queued", queued.name());
            seen = queued.id();
        }
        // cancelled while the resumed stream waits (its headers may come only with its first event)
        CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
            StudioApi.sleep(500);
            given().header("Authorization", Tokens.bearer("ada"))
                    .delete("/api/generations/" + jobId)
                    .then()
                    .statusCode(200);
        });
        try (EventStream resumed = new EventStream("ada", jobId, seen)) {
            List<Event> rest = resumed.rest();
            cancel.join();
            assertEquals(List.of("failed"), rest.stream().map(Event::name).toList(), "only the end: " + rest);
            assertEquals(
                    "urn:artmint:problem:generation-cancelled",
                    rest.getFirst().data().getString("type"));
            assertEquals("0.0.end", rest.getFirst().id());
        }
    }

    private static List<Event> named(List<Event> events, String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }
}
