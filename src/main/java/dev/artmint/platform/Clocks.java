package dev.artmint.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The service's one time source, UTC: beans take it by injection, so that tests can hand them a fixed clock. */
@Singleton
final class Clocks {

    @Produces
    @Singleton
    Clock utc() {
        return Clock.systemUTC();
    }
}
