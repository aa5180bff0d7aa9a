package dev.artmint.market.browse;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.platform.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The public marketplace under load: 100,000 published artworks with active listings (seeded with plain SQL, the search
 * index built by the service's own backfill), then {@code wrk} with 64 connections and 2 threads for 15 s against a
 * trivial endpoint of the same server ({@code /q/health/live}, no database work) as the baseline, the first browse
 * page, browse pages varied over orders, filters and cursor depths, browse requests that are each distinct (so every
 * one misses the in-memory page cache and goes to the database), search, and artwork pages. Every run sends its
 * requests through a wrk script, so wrk's own share of the shared cores is alike in each. Prints requests/s and p50/p99
 * latency of each and the browse/baseline throughput ratio, and the query plans of the browse orders on the seeded
 * data.
 *
 * <p>Run with {@code ./mvnw -Pbench test -Dtest=MarketLoadBenchmark} (needs {@code wrk} on the PATH, e.g.
 * {@code apt-get install wrk}); figures go to stdout and {@code target/benchmark/market.txt}, plans to
 * {@code target/benchmark/market-plans.txt}.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(MarketLoadBenchmark.AsDeployed.class)
@WithTestResource(LocalStackResource.class)
class MarketLoadBenchmark {

    private static final int ARTWORKS = 100_000;
    private static final int CREATORS = 1_000;
    private static final String DURATION = "15s";
    private static final Path OUT = Path.of("target/benchmark");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    /** The marketplace as deployed: the test profile turns the page cache off and makes every search broad. */
    public static class AsDeployed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("artmint.market.cache-ttl", "2s", "artmint.market.search.narrow-below", "1000");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ListingCatalogue catalogue;

    @TestHTTPResource("/")
    URL base;

    /** What one wrk run measured. */
    record Run(String name, double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {}

    @Test
    void browseSearchAndArtworkPagesUnderLoad() throws Exception {
        requireWrk();
        long seedStart = System.nanoTime();
        seed();
        int indexed = searchIndex.backfill();
        analyze();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        assertEquals(
                ARTWORKS,
                count("select count(*) from artwork_search s join artwork a on a.id = s.artwork_id"
                        + " where a.model like 'bench-%'"));

        Files.createDirectories(OUT);
        Files.write(OUT.resolve("market-plans.txt"), plans());

        Path browse = lua("browse-varied", browsePaths());
        Path distinct = OUT.resolve("browse-distinct.lua");
        Files.writeString(distinct, """
                counter = 0
                request = function()
                  counter = counter + 1
                  local sorts = {"newest", "price_asc", "price_desc", "popular"}
                  -- a price floor below every price, different each time: every request is a new page for the cache
                  local path = "/api/market/listings?sort=" .. sorts[counter % 4 + 1] .. "&minPriceWei=" ..
                      math.random(1, 2000000000)
                  return wrk.format("GET", path)
                end
                """);
        Path search = lua("search", searchPaths());
        Path detail = lua("detail", detailPaths());

        // the JIT and the connection pool warm up on every kind of request first
        for (Path script : List.of(browse, distinct, search, detail)) {
            wrk("warm-up", "/", script, "5s");
        }
        // every run goes through a script, so wrk spends the same on each request of each run
        List<Run> runs = new ArrayList<>();
        Run trivial = wrk("trivial (GET /q/health/live)", "/", lua("trivial", List.of("/q/health/live")), DURATION);
        runs.add(trivial);
        Run first = wrk("browse, first page", "/", lua("browse-first", List.of("/api/market/listings")), DURATION);
        runs.add(first);
        Run varied = wrk("browse, varied orders/filters/cursors", "/", browse, DURATION);
        runs.add(varied);
        runs.add(wrk("browse, every request distinct (cache misses)", "/", distinct, DURATION));
        runs.add(wrk("search (q=..., English and Chinese)", "/", search, DURATION));
        runs.add(wrk("artwork page (2,000 artworks)", "/", detail, DURATION));

        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "market load benchmark: %,d published artworks with active listings by %,d creators;"
                        + " seeded and indexed (%,d documents) in %.0f s; wrk -t2 -c64 -d%s --latency; %d cores "
                        + "visible,"
                        + " shared with wrk, PostgreSQL and the rest of the local stack",
                ARTWORKS,
                CREATORS,
                indexed,
                seedSeconds,
                DURATION,
                Runtime.getRuntime().availableProcessors()));
        lines.add(String.format("%-48s %10s %9s %9s %8s", "endpoint", "req/s", "p50 ms", "p99 ms", "non-2xx"));
        for (Run run : runs) {
            lines.add(String.format(
                    "%-48s %10.0f %9.2f %9.2f %8d",
                    run.name(), run.requestsPerSecond(), run.p50Millis(), run.p99Millis(), run.non2xx()));
        }
        lines.add(String.format(
                "browse first page / trivial throughput: %.2f; browse varied / trivial: %.2f"
                        + " (target >= 0.5); browse p99 %.2f ms / %.2f ms (target <= 20 ms)",
                first.requestsPerSecond() / trivial.requestsPerSecond(),
                varied.requestsPerSecond() / trivial.requestsPerSecond(),
                first.p99Millis(),
                varied.p99Millis()));
        lines.forEach(System.out::println);
        Files.write(OUT.resolve("market.txt"), lines);
        runs.forEach(run -> assertEquals(0, run.non2xx(), run.name() + " answered errors"));
    }

    private static void requireWrk() {
        try {
            Process process = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            fail("the market benchmark needs wrk (https://github.com/wg/wrk) on the PATH: apt-get install wrk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** 1,000 creators, one finished job each, 100 artworks per job, each published and listed. */
    private void seed() throws SQLException {
        execute("""
                insert into app_user (id, subject, handle, display_name, roles, bio, created_at, updated_at)
                select gen_random_uuid(), 'bench:' || g, 'bench-creator-' || g, 'Bench Creator ' || g, '{creator}',
                       'seeded for the market benchmark', now(), now()
                from generate_series(1, :creators) g""".replace(":creators", Integer.toString(CREATORS)));
        execute("""
                insert into generation_job (id, user_id, status, model, prompt, negative_prompt, seed, steps, guidance,
                                            width, height, image_count, scheduler, run_after, created_at, updated_at,
                                            charged_day, charged_daily, charged_granted)
                select gen_random_uuid(), u.id, 'SUCCEEDED', 'bench-model', 'seeded', '', 1, 2, 5, 64, 64, 1, 'euler_a',
                       now(), now(), now(), current_date, 1, 0
                from app_user u where u.handle like 'bench-creator-%'""");
        // titles and prompts from word lists, English for three artworks in four and Chinese for the fourth
        execute(withCounts("""
                with words as (
                    select array['red','blue','golden','misty','quiet','stormy','neon','ancient','tiny','vast'] as adj,
                           array['circle','lighthouse','fox','harbour','forest','city','mountain','garden',
                                 'robot','whale'] as noun,
                           array['at sunset','above the sea','in the rain','at dawn','under stars','in winter',
                                 'by a river','in the desert'] as place,
                           array['watercolor','oil painting','pixel art','ink sketch','photograph'] as style,
                           array['红色','蓝色','金色','安静','古老','巨大','霓虹','朦胧'] as adj_zh,
                           array['圆形','灯塔','狐狸','港口','森林','城市','山峰','花园','机器人','鲸鱼'] as noun_zh,
                           array['夕阳下','大海上方','雨中','黎明时','星空下','冬天里'] as place_zh,
                           array['水彩','油画','水墨','像素画'] as style_zh
                ), seeded as (
                    select g, j.id as job_id, j.user_id,
                           case when g % 4 = 0
                                then w.place_zh[g % 6 + 1] || '的' || w.adj_zh[g / 7 % 8 + 1] || w.noun_zh[g / 3 %
                                    10 + 1] || ',' || w.style_zh[g / 11 % 4 + 1]
                                else 'a ' || w.adj[g % 10 + 1] || ' ' || w.noun[g / 10 % 10 + 1] || ' ' ||
                                    w.place[g / 100 % 8 + 1] || ', ' || w.style[g / 800 % 5 + 1]
                           end as prompt,
                           case when g % 4 = 0 then w.adj_zh[g / 7 % 8 + 1] || w.noun_zh[g / 3 % 10 + 1] || ' #' || g
                                else initcap(w.adj[g % 10 + 1] || ' ' || w.noun[g / 10 % 10 + 1]) || ' #' || g
                           end as title
                    from generate_series(0, :artworks - 1) g
                    cross join words w
                    join (select id, user_id, row_number() over (order by id) - 1 as n from generation_job
                          where model = 'bench-model') j on j.n = g % :creators
                )
                insert into artwork (id, job_id, image_index, creator_id, model, seed, width, height, image_key,
                    image_sha256,
                                     thumbnail_key, provenance_key, provenance_hash, provenance_json, token_id,
                                         published,
                                     hidden, title, description, licence, royalty_bps, published_at, like_count,
                                         created_at)
                select gen_random_uuid(), job_id, g, user_id, 'bench-' || (array['tiny','turbo','watercolor'])[g %
                    3 + 1],
                       g, 64, 64, 'images/bench-' || g || '.png', lpad(to_hex(g), 64, '0'), 'thumbnails/bench-' ||
                           g || '.png',
                       'provenance/bench-' || g || '.json', '0x' || lpad(to_hex(g), 64, 'f'),
                       json_build_object('version', 1, 'prompt', prompt, 'negativePrompt', '', 'seed', g, 'steps', 2,
                                         'guidance', 5.0, 'scheduler', 'euler_a', 'width', 64, 'height', 64,
                                             'batchSize', 1,
                                         'batchIndex', 0, 'modelId', 'bench', 'creatorId', user_id,
                                         'createdAt', '2026-01-01T00:00:00Z', 'imageSha256', lpad(to_hex(g), 64,
                                             '0'))::text,
                       1e70 + g, true, false, title, null, 'PERSONAL', 500, now() - g * interval '1 second',
                       (g * 7919) % 500, now() - g * interval '1 second'
                from seeded"""));
        execute("""
                insert into listing (id, artwork_id, token_id, seller_id, seller_address, price_wei, kind, status,
                                     created_at, updated_at)
                select gen_random_uuid(), a.id, a.token_id, a.creator_id, '0x' || repeat('ab', 20),
                       ((a.seed * 104729) % 10000 + 1) * 100000000000000, 'LAZY_MINT', 'ACTIVE',
                       now() - a.seed * interval '1 second' - interval '1 hour', now()
                from artwork a where a.model like 'bench-%'""");
        // one artwork in ten is minted
        execute("""
                insert into token_owner (token_id, owner, block_number)
                select token_id, '0x' || repeat('cd', 20), 1 from artwork where model like 'bench-%' and seed % 10
                    = 0""");
    }

    private void analyze() throws SQLException {
        execute("analyze");
    }

    private List<String> plans() throws SQLException {
        List<String> lines = new ArrayList<>();
        List<BrowseQuery> queries = List.of(
                query(null, null, "newest"),
                query(null, null, "price_asc"),
                query(null, null, "price_desc"),
                query(null, null, "popular"),
                query("red lighthouse", null, "newest"),
                query("灯塔", null, "newest"),
                query("quiet whale winter", null, "price_asc"),
                query("watercolor", null, "popular"),
                query(null, "bench-watercolor", "price_asc"),
                BrowseQuery.of(null, null, null, null, null, "false", "newest", null, null, 24));
        for (BrowseQuery query : queries) {
            ListingCatalogue.PageSql statement = catalogue.statement(query);
            lines.add("-- sort=" + query.sort().parameter() + " q=" + query.q() + " model=" + query.model() + " minted="
                    + query.minted());
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement setting = connection.createStatement();
                        PreparedStatement explain =
                                connection.prepareStatement("explain (analyze, buffers off) " + statement.sql())) {
                    // as the catalogue runs its statements
                    setting.execute("set local max_parallel_workers_per_gather = 0");
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        explain.setObject(i + 1, statement.parameters().get(i));
                    }
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            lines.add(rows.getString(1));
                        }
                    }
                } finally {
                    connection.rollback();
                }
            }
            lines.add("");
        }
        return lines;
    }

    private static BrowseQuery query(String q, String model, String sort) {
        return BrowseQuery.of(q, null, model, null, null, null, sort, null, null, 24);
    }

    /** Browse paths over every order, some filters, and cursor pages up to 20 deep. */
    private List<String> browsePaths() {
        List<String> paths = new ArrayList<>();
        List<String> filters = List.of(
                "",
                "&model=bench-turbo",
                "&minted=false",
                "&minPriceWei=100000000000000000",
                "&maxPriceWei=500000000000000000",
                "&creator=bench-creator-17");
        for (String sort : List.of("newest", "price_asc", "price_desc", "popular")) {
            for (String filter : filters) {
                String path = "/api/market/listings?sort=" + sort + filter;
                String cursor = null;
                for (int depth = 0; depth < 8; depth++) {
                    String page = cursor == null ? path : path + "&cursor=" + cursor;
                    paths.add(page);
                    cursor = given().get(page).then().statusCode(200).extract().path("nextCursor");
                    if (cursor == null) {
                        break;
                    }
                }
            }
        }
        return paths;
    }

    private static List<String> searchPaths() {
        List<String> queries = List.of(
                "red circle",
                "lighthouse sunset",
                "misty harbour",
                "golden fox dawn",
                "whale",
                "robot garden",
                "ancient city",
                "watercolor",
                "oil painting forest",
                "neon city rain",
                "stormy sea",
                "灯塔",
                "夕阳",
                "红色圆形",
                "水彩",
                "古老城市",
                "鲸鱼",
                "星空",
                "霓虹",
                "金色狐狸");
        List<String> paths = new ArrayList<>();
        for (String q : queries) {
            for (String sort : List.of("newest", "price_asc", "popular")) {
                paths.add("/api/market/listings?sort=" + sort + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
        }
        return paths;
    }

    private List<String> detailPaths() throws SQLException {
        List<String> paths = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select id from artwork where model like 'bench-%' order by random() limit 2000")) {
            while (rows.next()) {
                paths.add("/api/market/artworks/" + rows.getObject(1, UUID.class));
            }
        }
        return paths;
    }

    /** A wrk script that cycles through the paths, each thread from a different place. */
    private static Path lua(String name, List<String> paths) throws IOException {
        Path script = OUT.resolve(name + ".lua");
        String list = paths.stream().map(path -> "  \"" + path + "\"").collect(Collectors.joining(",\n"));
        Files.writeString(script, """
                paths = {
                %s
                }
                counter = math.random(1, #paths)
                request = function()
                  counter = counter %% #paths + 1
                  return wrk.format("GET", paths[counter])
                end
                """.formatted(list));
        return script;
    }

    private Run wrk(String name, String path, Path script, String duration) throws IOException, InterruptedException {
        String url = base.toString().replaceAll("/$", "") + path;
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + duration, "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "wrk did not finish");
        assertEquals(0, process.exitValue(), output);
        Matcher rate = RATE.matcher(output);
        assertTrue(rate.find(), output);
        Matcher errors = NON_2XX.matcher(output);
        return new Run(
                name,
                Double.parseDouble(rate.group(1)),
                percentile(output, "50"),
                percentile(output, "99"),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double percentile(String output, String percent) {
        Matcher matcher =
                Pattern.compile("\\s" + percent + "%\\s+([0-9.]+)(us|ms|s)").matcher(output);
        assertTrue(matcher.find(), output);
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The seed SQL with its sizes filled in. */
    private static String withCounts(String sql) {
        return sql.replace(":artworks", Integer.toString(ARTWORKS)).replace(":creators", Integer.toString(CREATORS));
    }
}
