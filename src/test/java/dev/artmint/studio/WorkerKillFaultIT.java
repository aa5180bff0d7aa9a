package dev.artmint.studio;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.platform.FaultStack;
import dev.artmint.platform.ServiceProcess;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A worker process SIGKILLed mid-generation, again and again: one service JVM with no workers takes the API, a second
 * JVM on the same database runs the jobs and is killed while one is RUNNING with progress, then started again. With a
 * short lease the killed job is claimed again soon. Afterwards every job has SUCCEEDED once with exactly its images, no
 * artwork is lost or made twice, the credits were charged once, and the bucket holds exactly the rows' objects.
 * {@code -Dartmint.faults.worker-kills} sets the number of kills (50).
 */
class WorkerKillFaultIT {

    private static final int KILLS = Integer.getInteger("artmint.faults.worker-kills", 50);
    private static final int IMAGES_PER_JOB = 2;
    /** Jobs kept waiting or running, so that a restarted worker always has one to be killed in. */
    private static final int BACKLOG = 3;

    private static final Duration WAIT = Duration.ofMinutes(3);

    /** A job as a worker holds it: its claim's owner and how far it got. */
    private record Running(UUID job, String owner, int step, int total) {}

    @Test
    void killedWorkersLoseNothingAndDuplicateNothing() throws Exception {
        Instant begin = Instant.now();
        Map<String, String> settings = Map.of("artmint.studio.lease", "2s", "artmint.studio.max-attempts", "1000");
        try (FaultStack stack = FaultStack.start(settings);
                ServiceProcess api = ServiceProcess.start("worker-kill-api", stack.configuration(), 0)) {
            int creditsBefore = credits(stack, api);
            List<UUID> jobs = new ArrayList<>();
            Set<String> deadOwners = new HashSet<>();
            List<String> killSteps = new ArrayList<>();
            Random random = new Random(13);
            Duration restarts = Duration.ZERO;
            for (int kill = 0; kill < KILLS; kill++) {
                while (unfinished(stack) < BACKLOG) {
                    jobs.add(submit(stack, api, jobs.size()));
                }
                Instant starting = Instant.now();
                try (ServiceProcess worker = ServiceProcess.start("worker-kill-worker", stack.configuration(), 1)) {
                    restarts = restarts.plus(Duration.between(starting, Instant.now()));
                    awaitRunning(stack, deadOwners);
                    // somewhere in the job: early steps, late steps, or while its images are being written
                    Thread.sleep(random.nextInt(2000));
                    Running victim = awaitRunning(stack, deadOwners);
                    worker.kill();
                    killSteps.add(victim.step() + "/" + victim.total());
                    deadOwners.addAll(owners(stack));
                }
            }
            try (ServiceProcess worker = ServiceProcess.start("worker-kill-worker", stack.configuration(), 1)) {
                awaitAllFinal(stack);
            }
            Duration took = Duration.between(begin, Instant.now());

            Map<UUID, String> statuses = statuses(stack);
            Map<UUID, List<Integer>> images = imagesByJob(stack);
            Set<String> referenced = referencedKeys(stack);
            Set<String> stored = storedKeys(stack);
            Set<String> orphans = new TreeSet<>(stored);
            orphans.removeAll(referenced);
            Set<String> missing = new TreeSet<>(referenced);
            missing.removeAll(stored);
            int artworks = images.values().stream().mapToInt(List::size).sum();
            String figures = String.format(
                    "worker kills: %d (at step %s); jobs: %d, %d images each; artworks: %d; objects: %d;"
                            + " orphan objects: %d; rows missing objects: %d; attempts: %d; worker starts %.1f s on"
                            + " average; wall time %d s",
                    KILLS,
                    killSteps,
                    jobs.size(),
                    IMAGES_PER_JOB,
                    artworks,
                    stored.size(),
                    orphans.size(),
                    missing.size(),
                    attempts(stack),
                    restarts.toMillis() / 1000.0 / Math.max(1, KILLS),
                    took.toSeconds());
            System.out.println("WorkerKillFaultIT: " + figures);
            Files.createDirectories(Path.of("target/fault-logs"));
            Files.writeString(Path.of("target/fault-logs/worker-kill.txt"), figures + "\n");

            assertEquals(jobs.size(), statuses.size());
            statuses.forEach((job, status) -> assertEquals("SUCCEEDED", status, "job " + job));
            for (UUID job : jobs) {
                assertEquals(
                        List.of(0, 1),
                        images.getOrDefault(job, List.of()),
                        "job " + job + " must have each of its images exactly once");
            }
            assertEquals(jobs.size() * IMAGES_PER_JOB, artworks);
            assertEquals(creditsBefore - jobs.size() * IMAGES_PER_JOB, credits(stack, api), "charged once per image");
            assertEquals(Set.of(), orphans, "objects no artwork references");
            assertEquals(Set.of(), missing, "objects the artworks reference but the store lacks");
        }
    }

    private static UUID submit(FaultStack stack, ServiceProcess api, int number) {
        return UUID.fromString(given().baseUri(api.baseUrl())
                .header("Authorization", stack.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "prompt", "a lighthouse in a storm, number " + number,
                        "steps", 48,
                        "width", 128,
                        "height", 128,
                        "count", IMAGES_PER_JOB))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
    }

    private static int credits(FaultStack stack, ServiceProcess api) {
        return given().baseUri(api.baseUrl())
                .header("Authorization", stack.bearer("ada"))
                .get("/api/me/credits")
                .then()
                .statusCode(200)
                .extract()
                .path("available");
    }

    /** Waits until a live claim (an owner not killed) runs a job past its first step. */
    private static Running awaitRunning(FaultStack stack, Set<String> deadOwners) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Running> running = running(stack, deadOwners);
            if (running.isPresent()) {
                return running.get();
            }
            Thread.sleep(50);
        }
        fail("no job ran with progress within " + WAIT);
        return null;
    }

    private static Optional<Running> running(FaultStack stack, Set<String> deadOwners) throws SQLException {
        try (Connection db = stack.database();
                PreparedStatement query = db.prepareStatement("""
                        select id, lease_owner, progress_step, progress_total from generation_job
                         where status = 'RUNNING' and progress_step > 0""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (!deadOwners.contains(rows.getString(2))) {
                    return Optional.of(new Running(
                            rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3), rows.getInt(4)));
                }
            }
            return Optional.empty();
        }
    }

    private static Set<String> owners(FaultStack stack) throws SQLException {
        return new HashSet<>(strings(stack, "select lease_owner from generation_job where lease_owner is not null"));
    }

    private static int unfinished(FaultStack stack) throws SQLException {
        return strings(stack, "select id from generation_job where status in ('QUEUED', 'RUNNING')")
                .size();
    }

    private static void awaitAllFinal(FaultStack stack) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (unfinished(stack) > 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("jobs still unfinished after " + WAIT + ": " + statuses(stack));
            }
            Thread.sleep(200);
        }
    }

    private static Map<UUID, String> statuses(FaultStack stack) throws SQLException {
        Map<UUID, String> statuses = new HashMap<>();
        try (Connection db = stack.database();
                PreparedStatement query = db.prepareStatement("select id, status from generation_job");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                statuses.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        return statuses;
    }

    private static int attempts(FaultStack stack) throws SQLException {
        return Integer.parseInt(strings(stack, "select coalesce(sum(attempts), 0) from generation_job")
                .getFirst());
    }

    /** Each job's image indices, in order, one entry per artwork row. */
    private static Map<UUID, List<Integer>> imagesByJob(FaultStack stack) throws SQLException {
        Map<UUID, List<Integer>> images = new HashMap<>();
        try (Connection db = stack.database();
                PreparedStatement query =
                        db.prepareStatement("select job_id, image_index from artwork order by job_id, image_index");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                images.computeIfAbsent(rows.getObject(1, UUID.class), job -> new ArrayList<>())
                        .add(rows.getInt(2));
            }
        }
        return images;
    }

    private static Set<String> referencedKeys(FaultStack stack) throws SQLException {
        return new HashSet<>(strings(stack, """
                select image_key from artwork union select thumbnail_key from artwork
                 union select provenance_key from artwork"""));
    }

    private static List<String> strings(FaultStack stack, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = stack.database();
                PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Every key in the bucket, listed by the MinIO client as the service's object store would see it. */
    private static Set<String> storedKeys(FaultStack stack) throws Exception {
        MinioClient minio = MinioClient.builder()
                .endpoint(stack.get("artmint.storage.endpoint"))
                .credentials(stack.get("artmint.storage.access-key"), stack.get("artmint.storage.secret-key"))
                .region("us-east-1")
                .build();
        Set<String> keys = new HashSet<>();
        for (Result<Item> item : minio.listObjects(
                ListObjectsArgs.builder().bucket("artmint").recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
