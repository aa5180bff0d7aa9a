package dev.artmint.platform.limit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RateLimitsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final UUID ADA = UUID.randomUUID();

    @Test
    void aFullBucketServesItsRequestsThenRefusesWithTheSecondsUntilTheNextToken() {
        RateLimits limits = new RateLimits(config(3, Duration.ofMinutes(1), 100), Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            limits.acquire(ADA, RateLimits.Action.GENERATION);
        }
        Refusal refused = assertThrows(Refusal.class, () -> limits.acquire(ADA, RateLimits.Action.GENERATION));
        assertEquals(ProblemType.RATE_LIMITED, refused.type());
        assertEquals(Duration.ofSeconds(20), refused.retryAfter());
        assertEquals(20L, refused.problem().members().get("retryAfterSeconds"));
        assertTrue(refused.getMessage().contains("at most 3 generation requests per 1m"), refused.getMessage());
        // other actions and other users have buckets of their own
        assertDoesNotThrow(() -> limits.acquire(ADA, RateLimits.Action.FAUCET));
        assertDoesNotThrow(() -> limits.acquire(UUID.randomUUID(), RateLimits.Action.GENERATION));
    }

    @Test
    void theBucketRefillsEvenlyOverItsPeriod() {
        MovableClock clock = new MovableClock();
        RateLimits limits = new RateLimits(config(3, Duration.ofMinutes(1), 100), clock);
        for (int i = 0; i < 3; i++) {
            limits.acquire(ADA, RateLimits.Action.VERIFICATION);
        }
        clock.now = T0.plusSeconds(15);
        Refusal refused = assertThrows(Refusal.class, () -> limits.acquire(ADA, RateLimits.Action.VERIFICATION));
        assertEquals(Duration.ofSeconds(5), refused.retryAfter());
        clock.now = T0.plusSeconds(20);
        assertDoesNotThrow(() -> limits.acquire(ADA, RateLimits.Action.VERIFICATION));
        assertThrows(Refusal.class, () -> limits.acquire(ADA, RateLimits.Action.VERIFICATION));
        // a long pause refills no more than a full bucket
        clock.now = T0.plus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            limits.acquire(ADA, RateLimits.Action.VERIFICATION);
        }
        assertThrows(Refusal.class, () -> limits.acquire(ADA, RateLimits.Action.VERIFICATION));
    }

    @Test
    void theBucketsHeldAreBoundedByTrackedUsers() {
        RateLimits limits = new RateLimits(config(3, Duration.ofMinutes(1), 50), Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < 2_000; i++) {
            limits.acquire(UUID.randomUUID(), RateLimits.Action.EVENT_STREAM);
        }
        assertTrue(limits.trackedBuckets() <= 50, "buckets held: " + limits.trackedBuckets());
    }

    private static final class MovableClock extends Clock {

        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Every action at {@code requests} per {@code per}. */
    private static LimitsConfig config(int requests, Duration per, int trackedUsers) {
        return new LimitsConfig() {
            @Override
            public Generations generations() {
                return new Generations() {
                    public int requests() {
                        return requests;
                    }

                    public Duration per() {
                        return per;
                    }
                };
            }

            @Override
            public Verifications verifications() {
                return new Verifications() {
                    public int requests() {
                        return requests;
                    }

                    public Duration per() {
                        return per;
                    }
                };
            }

            @Override
            public Faucet faucet() {
                return new Faucet() {
                    public int requests() {
                        return requests;
                    }

                    public Duration per() {
                        return per;
                    }
                };
            }

            @Override
            public EventStreams eventStreams() {
                return new EventStreams() {
                    public int requests() {
                        return requests;
                    }

                    public Duration per() {
                        return per;
                    }
                };
            }

            @Override
            public Duration streamMaxDuration() {
                return Duration.ofMinutes(10);
            }

            @Override
            public int queuedJobsPerUser() {
                return 20;
            }

            @Override
            public int openStreams() {
                return 100;
            }

            @Override
            public int trackedUsers() {
                return trackedUsers;
            }
        };
    }
}
