package dev.artmint.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;

/** The S3-compatible object store, reached through the MinIO client; the only place that talks S3. */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final StorageConfig config;
    private final OkHttpClient http;
    private final MinioClient client;

    ObjectStore(StorageConfig config) {
        this.config = config;
        this.http = new OkHttpClient.Builder()
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

    /** Whether the bucket exists; a read only, as a readiness probe needs it. */
    public boolean bucketExists() {
        try {
            return client.bucketExists(
                    BucketExistsArgs.builder().bucket(config.bucket()).build());
        } catch (Exception e) {
            throw new ObjectStoreException("bucket " + config.bucket() + " at " + config.endpoint(), e);
        }
    }

    /** Creates the bucket if it does not exist yet. */
    public void ensureBucket() {
        try {
            if (!client.bucketExists(
                    BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder()
                        .bucket(config.bucket())
                        .region(config.region())
                        .build());
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

    /**
     * Stores bytes under a content-addressed key (see {@link StoredObject}); storing the same bytes again is harmless.
     */
    public StoredObject put(String prefix, String extension, byte[] bytes, String contentType) {
        StoredObject object = StoredObject.of(prefix, extension, bytes, contentType);
        putAt(object.key(), bytes, contentType);
        return object;
    }

    /**
     * Stores bytes under a key the caller names, for documents found by name rather than by content (token metadata by
     * token id); storing again replaces them.
     */
    public void putAt(String key, byte[] bytes, String contentType) {
        S3Call<ObjectWriteResponse> put = () -> {
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                return client.putObject(
                        PutObjectArgs.builder().bucket(config.bucket()).object(key).stream(in, bytes.length, -1)
                                .contentType(contentType)
                                .build());
            }
        };
        idempotent("put " + key, () -> {
            try {
                return put.call();
            } catch (ErrorResponseException e) {
                // the store was unreachable when the service started, or the bucket went missing since
                if (!"NoSuchBucket".equals(e.errorResponse().code())) {
                    throw e;
                }
                ensureBucket();
                return put.call();
            }
        });
    }

    public byte[] get(String key) {
        return idempotent("get " + key, () -> {
            try (InputStream in = client.getObject(
                    GetObjectArgs.builder().bucket(config.bucket()).object(key).build())) {
                return in.readAllBytes();
            }
        });
    }

    public void delete(String key) {
        idempotent("delete " + key, () -> {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(config.bucket())
                    .object(key)
                    .build());
            return key;
        });
    }

    /** One S3 call of the MinIO client. */
    @FunctionalInterface
    private interface S3Call<T> {
        T call() throws Exception;
    }

    /**
     * Runs a call that may be repeated, once more on fresh connections if it fails: pooled connections to a store that
     * restarted fail on their first use, and the client does not retry a request it already sent.
     */
    private <T> T idempotent(String what, S3Call<T> call) {
        try {
            return call.call();
        } catch (Exception first) {
            http.connectionPool().evictAll();
            try {
                return call.call();
            } catch (Exception second) {
                second.addSuppressed(first);
                throw new ObjectStoreException(what, second);
            }
        }
    }
}
