package dev.artmint.platform.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Per-user rate limits of the costly or abusable actions, and how long an event stream may stay open. */
@ConfigMapping(prefix = "artmint.limits")
public interface LimitsConfig {

    /** Generation submissions ({@code POST /api/generations}). */
    Generations generations();

    /** Verifications ({@code POST /api/artworks/{id}/verify}), each of which may queue a re-generation. */
    Verifications verifications();

    /** Faucet requests ({@code POST /api/me/wallet/faucet}). */
    Faucet faucet();

    /** Event streams opened (jobs' and purchases' Server-Sent Events together). */
    EventStreams eventStreams();

    /** The longest an event stream stays open; it then ends, and a client reconnects with its Last-Event-ID. */
    @WithDefault("10m")
    Duration streamMaxDuration();

    /** Generation jobs one user may have waiting or running at once: the bound of the job queue per user. */
    @WithDefault("20")
    int queuedJobsPerUser();

    /** Event streams open at once in one process; more are refused with 503 until some end. */
    @WithDefault("2000")
    int openStreams();

    /** Users whose buckets are kept in memory; the least recently used beyond it start again with a full bucket. */
    @WithDefault("100000")
    int trackedUsers();

    /** At most {@code requests} per {@code per}: a bucket of that many, refilled evenly over {@code per}. */
    interface Generations {

        @WithDefault("30")
        int requests();

        @WithDefault("1m")
        Duration per();
    }

    interface Verifications {

        @WithDefault("10")
        int requests();

        @WithDefault("1h")
        Duration per();
    }

    interface Faucet {

        @WithDefault("5")
        int requests();

        @WithDefault("1h")
        Duration per();
    }

    interface EventStreams {

        @WithDefault("60")
        int requests();

        @WithDefault("1m")
        Duration per();
    }
}
