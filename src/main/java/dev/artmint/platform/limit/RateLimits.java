package dev.artmint.platform.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.artmint.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Per-user token buckets, one per user and {@link Action}: a full bucket holds an action's {@code requests} and refills
 * evenly over its {@code per}. A request that finds its bucket empty is refused with 429 and a Retry-After of the
 * seconds until the next token. Buckets live in a bounded cache: one untouched for a whole period is full again and may
 * be dropped, so the cache holds at most {@code tracked-users} of them and forgets nothing that matters.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, and the words a refusal names it by. */
    public enum Action {
        GENERATION("generation requests"),
        VERIFICATION("verification requests"),
        FAUCET("faucet requests"),
        EVENT_STREAM("event streams opened");

        private final String what;

        Action(String what) {
            this.what = what;
        }
    }

    private record Key(UUID user, Action action) {}

    private record Rate(int requests, Duration per) {}

    private final LimitsConfig config;
    private final Clock clock;
    private final Cache<Key, Bucket> buckets;

    RateLimits(LimitsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        Duration longest = Stream.of(Action.values())
                .map(action -> rate(action).per())
                .max(Duration::compareTo)
                .orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.trackedUsers())
                .expireAfterAccess(longest)
                .build();
    }

    /** Takes one token of {@code user}'s bucket for {@code action}, or refuses with 429 and Retry-After. */
    public void acquire(UUID user, Action action) {
        Rate rate = rate(action);
        Duration wait = buckets.get(new Key(user, action), key -> new Bucket(rate, clock.instant()))
                .take(clock.instant());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw Refusal.rateLimited(
                    "at most " + rate.requests() + " " + action.what + " per " + words(rate.per()) + "; try again in "
                            + seconds + " s",
                    Duration.ofSeconds(seconds));
        }
    }

    /** How many buckets are held now: bounded by {@code artmint.limits.tracked-users}. */
    public long trackedBuckets() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Rate rate(Action action) {
        return switch (action) {
            case GENERATION ->
                new Rate(config.generations().requests(), config.generations().per());
            case VERIFICATION ->
                new Rate(
                        config.verifications().requests(),
                        config.verifications().per());
            case FAUCET -> new Rate(config.faucet().requests(), config.faucet().per());
            case EVENT_STREAM ->
                new Rate(config.eventStreams().requests(), config.eventStreams().per());
        };
    }

    private static String words(Duration period) {
        return period.toString().substring(2).toLowerCase();
    }

    /** Tokens as a fraction, refilled lazily from the time of the last look. */
    private static final class Bucket {

        private final Rate rate;
        private double tokens;
        private Instant seen;

        Bucket(Rate rate, Instant now) {
            this.rate = rate;
            this.tokens = rate.requests();
            this.seen = now;
        }

        /** Takes a token and answers zero, or answers how long until there is one. */
        synchronized Duration take(Instant now) {
            double perToken = (double) rate.per().toNanos() / rate.requests();
            if (now.isAfter(seen)) {
                tokens = Math.min(
                        rate.requests(), tokens + Duration.between(seen, now).toNanos() / perToken);
                seen = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) * perToken));
        }
    }
}
