package dev.artmint.storage;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.quarkus.runtime.StartupEvent;
import okhttp3.OkHttpClient;

/** The S3-compatible object store, reached through the MinIO client; the only place that talks S3. */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final StorageConfig config;
    private final MinioClient client;

    ObjectStore(StorageConfig config) {
        this.config = config;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http)
                .build();
    }

    void createBucketAtStart(@Observes StartupEvent event) {
        try {
            ensureBucket();
        } catch (ObjectStoreException e) {
            LOG.warnf("object store not reachable at start (%s); readiness reports it until it is", e.getMessage());
        }
    }

    /** Creates the bucket if it does not exist yet. */
    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).region(config.region()).build());
                LOG.infof("created bucket %s", config.bucket());
            }
        } catch (Exception e) {
            throw new ObjectStoreException("bucket " + config.bucket() + " at " + config.endpoint(), e);
        }
    }

    public String bucket() {
        return config.bucket();
    }

    public String endpoint() {
        return config.endpoint();
    }
}
