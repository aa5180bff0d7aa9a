package dev.artmint.studio.job;

import dev.artmint.studio.StudioConfig;
import dev.artmint.studio.artwork.Verifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * This process's worker threads. Each loops: claim a job, run it, claim the next; with no job due, run a verification's
 * re-generation ({@link Verifications}); with neither, sleep for the poll interval. Stopping hands running jobs back to
 * the queue at their next step.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    private final StudioConfig config;
    private final JobQueue queue;
    private final JobRunner runner;
    private final Verifications verifications;
    private final List<Worker> workers = new ArrayList<>();

    WorkerPool(StudioConfig config, JobQueue queue, JobRunner runner, Verifications verifications) {
        this.config = config;
        this.queue = queue;
        this.runner = runner;
        this.verifications = verifications;
    }

    void startAtLaunch(@Observes StartupEvent event) {
        start(config.workers());
    }

    void stopAtShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts {@code count} more worker threads. */
    public synchronized void start(int count) {
        for (int i = 0; i < count; i++) {
            Worker worker = new Worker(ManagementFactory.getRuntimeMXBean().getName() + "/worker-" + workers.size());
            workers.add(worker);
            worker.thread.start();
        }
        if (count > 0) {
            LOG.infof("started %d generation worker(s)", count);
        }
    }

    /** Stops every worker and waits for it to hand back its job. */
    public synchronized void stop() {
        workers.forEach(worker -> worker.running = false);
        for (Worker worker : workers) {
            try {
                worker.thread.join(config.lease().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    private final class Worker implements Runnable {

        private final String name;
        private final Thread thread;
        private volatile boolean running = true;

        Worker(String name) {
            this.name = name;
            this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    // each claim gets its own owner name, so a late heartbeat of an old claim never matches a new one
                    String owner = name + "/" + UUID.randomUUID();
                    Optional<UUID> job = queue.claim(owner);
                    if (job.isPresent()) {
                        runner.run(job.get(), owner, () -> !running);
                    } else if (!verifications.runNext(owner)) {
                        Thread.sleep(config.pollInterval().toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "worker %s: %s", name, e.getMessage());
                    sleepQuietly();
                }
            }
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
