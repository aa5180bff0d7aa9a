package dev.artmint.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Requests sent to the service while a part of the stack is out, each answer kept with its status, content type and
 * latency, so that a fault test can say how the service answered during the outage.
 */
public final class OutageProbe {

    /** One answer: which request, its status and content type, and how long it took. */
    public record Answer(String request, int status, String contentType, Duration latency, Instant at) {

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final List<Answer> answers = new ArrayList<>();

    public OutageProbe(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Sends one request, from any thread; a request that does not answer within 30 s, or whose connection fails, counts
     * as status 0.
     */
    public Answer send(String name, Supplier<HttpRequest.Builder> request) {
        long begin = System.nanoTime();
        int status;
        String contentType;
        try {
            HttpResponse<String> response = client.send(
                    request.get().timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
        } catch (IOException e) {
            status = 0;
            contentType = "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Answer answer =
                new Answer(name, status, contentType, Duration.ofNanos(System.nanoTime() - begin), Instant.now());
        synchronized (this) {
            answers.add(answer);
        }
        return answer;
    }

    public HttpRequest.Builder get(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return user == null ? request : request.header("Authorization", Tokens.bearer(user));
    }

    public HttpRequest.Builder post(String path, String user, String json) {
        return get(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** How many answers had each status, by request: {@code {wallet={503=12}, browse={200=12}}}. */
    public synchronized Map<String, Map<Integer, Integer>> byStatus() {
        return byStatus(answers);
    }

    /** How many of these answers had each status, by request. */
    public static Map<String, Map<Integer, Integer>> byStatus(List<Answer> answers) {
        Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
        for (Answer answer : answers) {
            counts.computeIfAbsent(answer.request(), name -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        }
        return counts;
    }

    public synchronized Duration slowest() {
        return answers.stream().map(Answer::latency).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public synchronized void clear() {
        answers.clear();
    }
}
