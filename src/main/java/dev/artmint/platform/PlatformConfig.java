package dev.artmint.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/**
 * What the whole platform shares: where it keeps its local data. The features' own keys live in their mappings
 * ({@code artmint.chain}, {@code artmint.studio}, ...), which share this prefix.
 */
@ConfigMapping(prefix = "artmint")
public interface PlatformConfig {

    /**
     * Where the platform keeps its local data: the kept contract addresses, a generated wallet master key, and the
     * embedded stack's database, objects and chain state.
     */
    @WithDefault("data")
    Path dataDir();
}
