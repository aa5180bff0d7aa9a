package dev.artmint.studio.artwork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.artmint.platform.Sql;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.provenance.VerificationReport;
import dev.artmint.studio.StudioConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Verification as a queued job. A request runs the byte checks at once; the reproduction, a full generation, is queued
 * in the verification table for the studio's workers, once per provenance record, and its result stays there as the
 * cache: a later request of the same record answers the stored reproduction at once and runs nothing. A reproduction
 * that could not run (model absent, other files, a GPU image, a failed re-run) is not kept, so it is asked again.
 */
@ApplicationScoped
public class Verifications {

    private static final Logger LOG = Logger.getLogger(Verifications.class);
    private static final TypeReference<List<VerificationReport.Check>> CHECKS = new TypeReference<>() {};
    private static final String QUEUED_DETAIL =
            "queued: a worker re-runs the recipe; the report is then at GET /api/artworks/{id}/verification";

    private static final String REQUEST = """
            insert into verification (provenance_hash, record_json, status, outcome, detail, checks, requested_at,
                                      finished_at)
            values (?, ?, ?, ?, ?, ?::jsonb, now(), case when ? = 'DONE' then now() end)
            on conflict (provenance_hash) do update
               set checks = excluded.checks,
                   status = case when verification.outcome = 'SKIPPED' then excluded.status
                                 else verification.status end,
                   outcome = case when verification.outcome = 'SKIPPED' then excluded.outcome
                                  else verification.outcome end,
                   detail = case when verification.outcome = 'SKIPPED' then excluded.detail
                                 else verification.detail end,
                   requested_at = case when verification.outcome = 'SKIPPED' then now()
                                       else verification.requested_at end,
                   finished_at = case when verification.outcome = 'SKIPPED' then excluded.finished_at
                                      else verification.finished_at end
            returning status, outcome, detail""";

    private static final String CLAIM = """
            update verification
               set status = 'RUNNING', lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',
                   attempts = attempts + 1
             where provenance_hash = (select provenance_hash from verification
                                       where status = 'QUEUED' or (status = 'RUNNING' and lease_until < now())
                                       order by requested_at
                                       limit 1
                                       for update skip locked)
            returning provenance_hash, record_json, attempts""";

    private final ArtworkVerifier verifier;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final StudioConfig config;

    Verifications(ArtworkVerifier verifier, DataSource dataSource, ObjectMapper json, StudioConfig config) {
        this.verifier = verifier;
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    /**
     * A request: the byte checks now, and the reproduction from the cache, skipped, or queued (an incomplete report).
     */
    public VerificationReport request(Artwork artwork) {
        VerificationReport.Builder report = verifier.byteChecks(artwork);
        ProvenanceRecord record = ProvenanceRecord.parse(artwork.provenanceJson);
        Optional<String> skipped = verifier.whyNotReproducible(record);
        String status = skipped.isPresent() ? "DONE" : "QUEUED";
        Reproduction reproduction = QuarkusTransaction.joiningExisting()
                .call(() -> query(
                                REQUEST,
                                Sql.parameters(
                                        record.hash(),
                                        record.canonicalJson(),
                                        status,
                                        skipped.isPresent() ? VerificationReport.Outcome.SKIPPED.name() : null,
                                        skipped.orElse(null),
                                        write(report.checks()),
                                        status),
                                row -> new Reproduction(row.getString(1), row.getString(2), row.getString(3)))
                        .orElseThrow());
        return report.add(reproduction.check()).build();
    }

    /** The report of the artwork's latest request, from the table alone: what verification was asked, or empty. */
    public Optional<VerificationReport> latest(Artwork artwork) {
        ProvenanceRecord record = ProvenanceRecord.parse(artwork.provenanceJson);
        return QuarkusTransaction.joiningExisting()
                .call(() -> query(
                        "select checks, status, outcome, detail from verification where provenance_hash = ?",
                        Sql.parameters(record.hash()),
                        row -> {
                            VerificationReport.Builder report = new VerificationReport.Builder(artwork.provenanceHash);
                            read(row.getString(1)).forEach(report::add);
                            return report.add(new Reproduction(row.getString(2), row.getString(3), row.getString(4))
                                            .check())
                                    .build();
                        }));
    }

    /**
     * Claims the oldest waiting reproduction for {@code owner} and runs it: answers false when none waits. A re-run
     * that throws is tried again up to {@code artmint.studio.max-attempts}, then kept as skipped, so the next request
     * asks again.
     */
    public boolean runNext(String owner) {
        Optional<Claim> claimed = QuarkusTransaction.requiringNew()
                .call(() -> query(
                        CLAIM,
                        Sql.parameters(owner, config.lease().toMillis()),
                        row -> new Claim(row.getString(1), row.getString(2), row.getInt(3))));
        if (claimed.isEmpty()) {
            return false;
        }
        Claim claim = claimed.get();
        Lease lease = new Lease(claim.hash(), owner);
        try {
            VerificationReport.Check check =
                    verifier.reproduce(ProvenanceRecord.parse(claim.recordJson()), lease::renew);
            finish(claim.hash(), owner, check);
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (claim.attempts() < config.maxAttempts()) {
                LOG.warnf("verification %s attempt %d failed, will retry: %s", claim.hash(), claim.attempts(), error);
                update(
                        "update verification set status = 'QUEUED', lease_owner = null, lease_until = null"
                                + " where provenance_hash = ? and lease_owner = ?",
                        claim.hash(),
                        owner);
            } else {
                finish(claim.hash(), owner, skipped("the re-run failed: " + error));
            }
        }
        return true;
    }

    private void finish(String hash, String owner, VerificationReport.Check check) {
        update(
                "update verification set status = 'DONE', outcome = ?, detail = ?, lease_owner = null,"
                        + " lease_until = null, finished_at = now() where provenance_hash = ? and lease_owner = ?",
                check.outcome().name(),
                check.detail(),
                hash,
                owner);
    }

    private static VerificationReport.Check skipped(String why) {
        return new VerificationReport.Check(
                VerificationReport.Builder.REPRODUCTION, VerificationReport.Outcome.SKIPPED, why);
    }

    /** The reproduction as the table holds it. */
    private record Reproduction(String status, String outcome, String detail) {

        VerificationReport.Check check() {
            if (!status.equals("DONE")) {
                return new VerificationReport.Check(
                        VerificationReport.Builder.REPRODUCTION, VerificationReport.Outcome.QUEUED, QUEUED_DETAIL);
            }
            return new VerificationReport.Check(
                    VerificationReport.Builder.REPRODUCTION, VerificationReport.Outcome.valueOf(outcome), detail);
        }
    }

    private record Claim(String hash, String recordJson, int attempts) {}

    /** Renews the claim's lease at most a few times a lease, so a long re-run keeps it. */
    private final class Lease {

        private final String hash;
        private final String owner;
        private final long intervalNanos;
        private long renewed = System.nanoTime();

        Lease(String hash, String owner) {
            this.hash = hash;
            this.owner = owner;
            this.intervalNanos = config.lease().toNanos() / 4;
        }

        void renew() {
            if (System.nanoTime() - renewed >= intervalNanos) {
                renewed = System.nanoTime();
                update(
                        "update verification set lease_until = now() + ? * interval '1 millisecond'"
                                + " where provenance_hash = ? and lease_owner = ?",
                        config.lease().toMillis(),
                        hash,
                        owner);
            }
        }
    }

    private <T> Optional<T> query(String sql, Sql.Binder binder, Sql.RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, sql, binder, mapper);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or write verifications: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Sql.update(connection, sql, Sql.parameters(parameters));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot update verifications: " + e.getMessage(), e);
            }
        });
    }

    private String write(List<VerificationReport.Check> checks) {
        try {
            return json.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<VerificationReport.Check> read(String checks) {
        try {
            return json.readValue(checks, CHECKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
