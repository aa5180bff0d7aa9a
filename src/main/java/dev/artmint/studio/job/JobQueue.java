package dev.artmint.studio.job;

import dev.artmint.platform.Sql;
import dev.artmint.studio.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The durable queue over the generation_job table. A worker claims the oldest claimable job (queued and due, or running
 * under an expired lease) with FOR UPDATE SKIP LOCKED, so any number of workers in any number of processes share it
 * without taking the same job; every later change is conditional on still holding the lease.
 */
@ApplicationScoped
public class JobQueue {

    private static final String CLAIM = """
            update generation_job
               set status = 'RUNNING', lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',
                   attempts = attempts + 1, progress_step = 0, updated_at = now()
             where id = (select id from generation_job
                          where (status = 'QUEUED' and run_after <= now())
                             or (status = 'RUNNING' and lease_until < now())
                          order by created_at
                          limit 1
                          for update skip locked)
            returning id""";

    private static final String HEARTBEAT = """
            update generation_job
               set lease_until = now() + ? * interval '1 millisecond', progress_step = ?, progress_total = ?,
                   updated_at = now()
             where id = ? and lease_owner = ? and status = 'RUNNING'
            returning cancel_requested""";

    private final DataSource dataSource;
    private final StudioConfig config;

    JobQueue(DataSource dataSource, StudioConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Claims a job for {@code owner}, a name no other claim uses. */
    @Transactional
    public Optional<UUID> claim(String owner) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(
                    connection,
                    CLAIM,
                    Sql.parameters(owner, config.lease().toMillis()),
                    row -> row.getObject(1, UUID.class));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a job: " + e.getMessage(), e);
        }
    }

    /**
     * Renews the lease and records progress. Answers whether cancellation was requested, or empty when the lease is no
     * longer this owner's (it expired and another worker took the job, or the job was cancelled while queued).
     */
    @Transactional
    public Optional<Boolean> heartbeat(UUID jobId, String owner, int step, int total) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(
                    connection,
                    HEARTBEAT,
                    Sql.parameters(config.lease().toMillis(), step, total, jobId, owner),
                    row -> row.getBoolean(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew the lease of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** Ends the job with a final status if {@code owner} still holds it. */
    @Transactional
    public boolean finish(UUID jobId, String owner, JobStatus status, String error, Long engineMillis) {
        return update("""
                update generation_job set status = ?, error = ?, engine_millis = ?, lease_owner = null,
                       lease_until = null, finished_at = now(), updated_at = now()
                 where id = ? and lease_owner = ? and status =
                     'RUNNING'""", status.name(), error, engineMillis, jobId, owner);
    }

    /** Puts the job back in the queue, to be tried again after {@code delayMillis}. */
    @Transactional
    public boolean requeue(UUID jobId, String owner, String error, long delayMillis) {
        return update("""
                update generation_job set status = 'QUEUED', error = ?, lease_owner = null, lease_until = null,
                       run_after = now() + ? * interval '1 millisecond', updated_at = now()
                 where id = ? and lease_owner = ? and status = 'RUNNING'""", error, delayMillis, jobId, owner);
    }

    private boolean update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.update(connection, sql, Sql.parameters(parameters)) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update job queue: " + e.getMessage(), e);
        }
    }
}
