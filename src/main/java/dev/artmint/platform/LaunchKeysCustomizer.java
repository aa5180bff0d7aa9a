package dev.artmint.platform;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Leaves the {@code artmint.local.*} keys (and the benchmarks' {@code artmint.bench.*}) out of the check that every
 * {@code artmint.*} key maps to a config mapping: the launcher reads them before the application starts (and sets
 * {@code artmint.local.started}), no mapping does. Without this, {@link PlatformConfig}'s prefix {@code artmint} would
 * turn each of them into a start-up error. Registered in META-INF/services; Quarkus applies it to the application's
 * configuration.
 */
public final class LaunchKeysCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withMappingIgnore("artmint.local.**");
        // read by the diffusion benchmark alone, which may share a run with Quarkus benchmarks
        builder.withMappingIgnore("artmint.bench.**");
    }
}
