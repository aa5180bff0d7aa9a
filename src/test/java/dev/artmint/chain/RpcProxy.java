package dev.artmint.chain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A JSON-RPC proxy between the service and the chain node, for fault tests: it forwards every call, and can hold
 * {@code eth_sendRawTransaction} either before the node sees it ({@link Mode#HOLD_REQUEST}: the service dies between
 * signing and sending) or after the node took it ({@link Mode#HOLD_ANSWER}: the answer is lost). A held call is never
 * answered until {@link #forward()}, and then only with a 502.
 */
public final class RpcProxy implements AutoCloseable {

    /** What happens to the next {@code eth_sendRawTransaction}. */
    public enum Mode {
        FORWARD,
        HOLD_REQUEST,
        HOLD_ANSWER
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI node;
    private final Semaphore held = new Semaphore(0);
    private volatile Mode mode = Mode.FORWARD;
    private volatile CountDownLatch release = new CountDownLatch(0);

    public RpcProxy(String nodeUrl) {
        this.node = URI.create(nodeUrl);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds the sends from now on, as {@code mode} says. */
    public synchronized void hold(Mode mode) {
        release = new CountDownLatch(1);
        held.drainPermits();
        this.mode = mode;
    }

    /** Forwards everything again, and ends the held calls with a 502. */
    public synchronized void forward() {
        mode = Mode.FORWARD;
        release.countDown();
    }

    /** Waits until a send is held (in {@link Mode#HOLD_ANSWER}: after the node answered it). */
    public void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no eth_sendRawTransaction reached the proxy within " + timeout);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode;
            CountDownLatch until = release;
            boolean send = new String(body, StandardCharsets.UTF_8).contains("\"eth_sendRawTransaction\"");
            if (send && now == Mode.HOLD_REQUEST) {
                hold(exchange, until);
                return;
            }
            HttpResponse<byte[]> answer = client.send(
                    HttpRequest.newBuilder(node)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (send && now == Mode.HOLD_ANSWER) {
                hold(exchange, until);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hold(HttpExchange exchange, CountDownLatch until) throws IOException, InterruptedException {
        held.release();
        until.await();
        exchange.sendResponseHeaders(502, -1);
    }

    @Override
    public void close() {
        forward();
        server.stop(0);
        threads.shutdownNow();
    }
}
