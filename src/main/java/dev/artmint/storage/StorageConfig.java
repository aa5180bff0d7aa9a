package dev.artmint.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the S3-compatible object store is and how to reach it. */
@ConfigMapping(prefix = "artmint.storage")
public interface StorageConfig {

    /** The S3 endpoint, e.g. http://localhost:9000 for MinIO. */
    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("artmint")
    String bucket();

    @WithDefault("us-east-1")
    String region();
}
