package dev.artmint.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests made from the live OpenAPI document: for every operation, bad path parameters, query values, headers
 * and bodies, sent as anonymous, an owner, another user and an admin. A request is a failure when it is answered with a
 * 5xx, or with a 4xx that is not a problem document. Cases come from a seeded random source, so a run repeats.
 */
final class ApiFuzzer {

    /** One operation of the OpenAPI document, with what it takes. */
    record Operation(String method, String path, List<String> query, List<String> headers, Map<String, String> body) {

        String key() {
            return method + " " + path;
        }
    }

    /** One hostile request, fit to replay by hand. */
    record Case(String who, String method, String target, Map<String, String> headers, String body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
            String url = target.length() > 300 ? target.substring(0, 300) + "..." : target;
            return who + " " + method + " " + url + " " + headers.keySet() + shown;
        }
    }

    /** What a run found: cases by status, and the failing ones. */
    record Result(int cases, Map<Integer, Integer> byStatus, List<String> failures, Map<String, Integer> byOperation) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String TWO_TO_256 = BigInteger.TWO.pow(256).toString();
    private static final String[] CALLERS = {"anonymous", "ada", "bo", "admin"};

    /** Path and query values, already percent-encoded as they go on the wire. */
    private static final List<String> BAD_VALUES = List.of(
            "%00",
            "a%00b",
            "%01",
            "%1B%5B31m",
            "%7F",
            "%C2%80",
            "%C2%9F",
            TWO_TO_256,
            BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString(),
            "-" + TWO_TO_256,
            "-1",
            "0",
            "1e309",
            "NaN",
            "9223372036854775808",
            "1".repeat(1000),
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-000000000000%00",
            "a".repeat(300),
            "%25zz",
            "%25",
            "%2e%2e",
            "%2F",
            "%C3%BC",
            "%F0%9F%98%80",
            "%ED%A0%80",
            "%FF%FE",
            "%20",
            "%27%3B%20drop%20table%20users--",
            "0x",
            "0xzz",
            "0x" + "f".repeat(130),
            "true",
            "%7B%7D",
            "ada");

    /** Body values to put where a field is, as JSON. */
    private static final List<String> BAD_JSON_VALUES = List.of(
            "\"a\\u0000b\"",
            "\"\\u0000\"",
            "\"\\u0007bell\"",
            "\"\\u001b[31mred\"",
            "\"\\u0085next line\"",
            "\"\\ud800\"",
            "\"" + "x".repeat(100_000) + "\"",
            "\"\"",
            "\"   \"",
            "123",
            "-1",
            "0",
            "1.5",
            "1e400",
            "-1e400",
            TWO_TO_256,
            "-" + TWO_TO_256,
            "\"" + TWO_TO_256 + "\"",
            "\"" + BigInteger.TWO.pow(96) + "\"",
            "\"-5\"",
            "9223372036854775808",
            "true",
            "null",
            "[]",
            "[\"a\",1,null]",
            "{}",
            "{\"a\":{\"b\":[1,{\"c\":null}]}}",
            "\"not-a-uuid\"",
            "\"00000000-0000-0000-0000-000000000000\"",
            "\"0x\"",
            "\"0x" + "ab".repeat(64) + "ff\"",
            "\"0x" + "00".repeat(64) + "7f\"",
            "\"0x" + "ff".repeat(65) + "\"",
            "\"0xzz\"",
            "\"NaN\"",
            "\"custodial\"",
            "\"LCM\"",
            "\"<script>alert(1)</script>\"");

    /** Whole bodies that are wrong whatever the operation takes. */
    private static final List<String> BAD_BODIES = List.of(
            "{",
            "",
            "null",
            "[]",
            "\"a\\u0000\"",
            "42",
            "{\"unknown\":\"\\u0000\"}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            "{\"x\":\"" + "y".repeat(1_000_000) + "\"}",
            "\u0000",
            "{\"prompt\":\"\\u0000\"}");

    private final URI base;
    private final Map<String, String> bearers;
    private final List<String> knownIds;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** {@code knownIds} are ids of things that exist (an owner's artwork), so that some cases get past the lookup. */
    ApiFuzzer(URI base, Map<String, String> bearers, List<String> knownIds) {
        this.base = base;
        this.bearers = bearers;
        this.knownIds = List.copyOf(knownIds);
    }

    /** The API's operations, from the live OpenAPI document. */
    List<Operation> operations() throws IOException, InterruptedException {
        JsonNode document = JSON.readTree(get("/q/openapi?format=json"));
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                List<String> headers = new ArrayList<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    switch (parameter.path("in").asText()) {
                        case "query" -> query.add(parameter.path("name").asText());
                        case "header" -> headers.add(parameter.path("name").asText());
                        default -> {}
                    }
                }
                JsonNode schema = op.getValue().path("requestBody").path("content");
                Map<String, String> body = null;
                if (schema.has("application/json")) {
                    body = properties(document, schema.path("application/json").path("schema"));
                }
                operations.add(new Operation(method, path.getKey(), query, headers, body));
            }
        }
        return operations;
    }

    /** {@code count} cases over all operations and callers, from {@code seed}, sent {@code parallel} at a time. */
    Result run(List<Operation> operations, int count, long seed, int parallel) throws Exception {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Operation operation = operations.get(i % operations.size());
            String who = CALLERS[(i / operations.size()) % CALLERS.length];
            cases.add(hostile(operation, who, random));
        }
        ConcurrentMap<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        ConcurrentMap<String, Integer> byOperation = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                running.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
                        Case hostile = cases.get(i);
                        int status = send(hostile, failures);
                        byStatus.merge(status, 1, Integer::sum);
                        byOperation.merge(operations.get(i % operations.size()).key(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }
        return new Result(cases.size(), new TreeMap<>(byStatus), List.copyOf(failures), new TreeMap<>(byOperation));
    }

    private int send(Case hostile, List<String> failures) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(base.resolve(hostile.target())).timeout(Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fuzzer made an unsendable URI: " + hostile, e);
        }
        hostile.headers().forEach(request::header);
        if (!hostile.who().equals("anonymous")) {
            request.header("Authorization", bearers.get(hostile.who()));
        }
        request.method(
                hostile.method(),
                hostile.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(hostile.body()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                failures.add(status + " for " + hostile + ": " + abbreviated(response.body()));
            } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                failures.add(status + " with Content-Type '" + type + "' for " + hostile);
            }
            return status;
        } catch (IOException e) {
            failures.add("no answer (" + e + ") for " + hostile);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private Case hostile(Operation operation, String who, Random random) {
        Map<String, String> headers = new TreeMap<>();
        String body = null;
        // what goes wrong in this case: a path parameter, a query value, a header, a body field, the whole body
        List<String> kinds = new ArrayList<>();
        if (operation.path().contains("{")) {
            kinds.add("path");
        }
        if (!operation.query().isEmpty()) {
            kinds.add("query");
        }
        if (!operation.headers().isEmpty()) {
            kinds.add("header");
        }
        if (operation.body() != null) {
            kinds.add("field");
            kinds.add("field");
            kinds.add("body");
        }
        kinds.add("extra-query");
        String kind = kinds.get(random.nextInt(kinds.size()));

        Matcher parameters = PATH_PARAMETER.matcher(operation.path());
        StringBuilder target = new StringBuilder();
        while (parameters.find()) {
            String value = kind.equals("path") || random.nextInt(4) == 0 ? pick(BAD_VALUES, random) : plausible(random);
            parameters.appendReplacement(target, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(target);

        List<String> query = new ArrayList<>();
        for (String name : operation.query()) {
            if (kind.equals("query") || random.nextInt(3) == 0) {
                query.add(encode(name) + "=" + pick(BAD_VALUES, random));
            }
        }
        if (kind.equals("extra-query")) {
            query.add(pick(List.of("x", "%00", "a%00b", "%25zz", "limit", "cursor"), random) + "="
                    + pick(BAD_VALUES, random));
        }
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }
        if (kind.equals("header")) {
            for (String name : operation.headers()) {
                headers.put(name, pick(List.of("k".repeat(101), "k".repeat(5000), "a b", "ü", "\u00ff"), random));
            }
        }
        if (operation.body() != null) {
            headers.put("Content-Type", random.nextInt(20) == 0 ? "text/plain" : "application/json");
            body = kind.equals("body") ? pick(BAD_BODIES, random) : body(operation.body(), random);
        } else if (random.nextInt(5) == 0) {
            headers.put("Content-Type", "application/json");
            body = pick(BAD_BODIES, random);
        }
        return new Case(who, operation.method(), target.toString(), headers, body);
    }

    /** A body with plausible values in every field but one or two hostile ones, or with some fields left out. */
    private static String body(Map<String, String> fields, Random random) {
        if (fields.isEmpty()) {
            return "{\"x\":" + pick(BAD_JSON_VALUES, random) + "}";
        }
        List<String> names = new ArrayList<>(fields.keySet());
        String hostile = names.get(random.nextInt(names.size()));
        String second = names.get(random.nextInt(names.size()));
        List<String> members = new ArrayList<>();
        for (String name : names) {
            if (!name.equals(hostile) && random.nextInt(4) == 0) {
                continue; // a field left out, required or not
            }
            String value = name.equals(hostile) || (name.equals(second) && random.nextBoolean())
                    ? pick(BAD_JSON_VALUES, random)
                    : plausible(fields.get(name), random);
            members.add("\"" + name + "\":" + value);
        }
        return "{" + String.join(",", members) + "}";
    }

    private static String plausible(String type, Random random) {
        return switch (type) {
            case "integer" -> Integer.toString(random.nextInt(5));
            case "number" -> "1.5";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> "{}";
            default ->
                pick(
                        List.of(
                                "\"ok\"",
                                "\"1000\"",
                                "\"0x00000000000000000000000000000000000000a1\"",
                                "\"custodial\""),
                        random);
        };
    }

    private String plausible(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> java.util.UUID.randomUUID().toString();
            case 1 -> knownIds.isEmpty() ? "1" : pick(knownIds, random);
            default -> "1";
        };
    }

    /** The body's fields and their JSON types, following a reference to the document's schemas. */
    private static Map<String, String> properties(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            resolved = document.path("components").path("schemas").path(name);
        }
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        resolved.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode type = field.getValue().path("type");
            fields.put(field.getKey(), type.isArray() ? type.path(0).asText("string") : type.asText("string"));
        }
        return fields;
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
