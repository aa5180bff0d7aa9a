package dev.artmint.studio.job;

import dev.artmint.diffusion.GeneratedImage;
import dev.artmint.diffusion.ModelInfo;
import dev.artmint.diffusion.image.PngText;
import dev.artmint.provenance.PixelDigest;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.storage.ObjectStore;
import dev.artmint.storage.StoredObject;
import dev.artmint.storage.Thumbnails;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.GalleryIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns one generated image into an artwork: objects first (PNG with its parameters and provenance chunks, a thumbnail,
 * the provenance JSON), then the row, committed only while the worker still holds the job. When the row is not
 * committed the objects it would have referenced are removed again, so nothing is left orphaned; when the worker dies
 * first, {@link PendingObjects} has them removed by the job's next claim. The artwork's entry in its creator's gallery
 * search is written in the same transaction as its row.
 */
@ApplicationScoped
public class ArtworkWriter {

    private static final Logger LOG = Logger.getLogger(ArtworkWriter.class);

    private final ObjectStore store;
    private final GalleryIndex gallery;
    private final PendingObjects pending;

    ArtworkWriter(ObjectStore store, GalleryIndex gallery, PendingObjects pending) {
        this.store = store;
        this.gallery = gallery;
        this.pending = pending;
    }

    /** The job as a worker runs it, detached from any persistence context. */
    public record JobSnapshot(
            UUID id,
            UUID userId,
            String prompt,
            String negativePrompt,
            long seed,
            int steps,
            double guidance,
            String scheduler,
            int width,
            int height,
            int count,
            UUID initArtworkId,
            Double strength,
            String model) {

        static JobSnapshot of(GenerationJob job) {
            return new JobSnapshot(
                    job.id,
                    job.userId,
                    job.prompt,
                    job.negativePrompt,
                    job.seed,
                    job.steps,
                    job.guidance,
                    job.scheduler,
                    job.width,
                    job.height,
                    job.count,
                    job.initArtworkId,
                    job.strength,
                    job.model);
        }
    }

    public Artwork write(
            JobSnapshot job, String owner, int index, GeneratedImage image, ModelInfo model, String provider) {
        ProvenanceRecord record = new ProvenanceRecord(
                ProvenanceRecord.VERSION,
                job.prompt(),
                job.negativePrompt(),
                image.seed(),
                job.steps(),
                job.guidance(),
                job.scheduler(),
                job.width(),
                job.height(),
                job.count(),
                index,
                model.name(),
                model.sha256(),
                provider,
                job.initArtworkId() == null ? null : job.initArtworkId().toString(),
                job.strength(),
                job.userId().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                PixelDigest.sha256(image.image()));
        String canonical = record.canonicalJson();
        byte[] png = image.png(List.of(new PngText(ProvenanceRecord.PNG_KEYWORD, canonical)));
        byte[] thumbnailPng = Thumbnails.png(image.image());
        byte[] provenanceJson = canonical.getBytes(StandardCharsets.UTF_8);
        // recorded before they are stored: a worker killed before its row commits leaves them to the next claim
        List<String> keys = List.of(
                StoredObject.of("images", "png", png, "image/png").key(),
                StoredObject.of("thumbnails", "png", thumbnailPng, "image/png").key(),
                StoredObject.of("provenance", "json", provenanceJson, "application/json")
                        .key());
        pending.record(job.id(), keys);
        List<StoredObject> stored = new ArrayList<>(3);
        try {
            StoredObject pngObject = track(stored, store.put("images", "png", png, "image/png"));
            StoredObject thumbnail = track(stored, store.put("thumbnails", "png", thumbnailPng, "image/png"));
            StoredObject provenance =
                    track(stored, store.put("provenance", "json", provenanceJson, "application/json"));
            Artwork artwork = new Artwork();
            artwork.id = UUID.randomUUID();
            artwork.jobId = job.id();
            artwork.imageIndex = index;
            artwork.creatorId = job.userId();
            artwork.parentId = job.initArtworkId();
            artwork.model = model.name();
            artwork.seed = image.seed();
            artwork.width = job.width();
            artwork.height = job.height();
            artwork.imageKey = pngObject.key();
            artwork.imageSha256 = pngObject.sha256();
            artwork.thumbnailKey = thumbnail.key();
            artwork.provenanceKey = provenance.key();
            artwork.provenanceHash = record.hash();
            artwork.tokenId = record.tokenId();
            artwork.provenanceJson = canonical;
            artwork.createdAt = Instant.parse(record.createdAt());
            QuarkusTransaction.requiringNew().run(() -> commit(artwork, owner, keys));
            return artwork;
        } catch (RuntimeException e) {
            List<String> settled = new ArrayList<>(keys);
            settled.removeAll(removeUnreferenced(stored, e));
            try {
                QuarkusTransaction.requiringNew().run(() -> pending.settle(job.id(), settled));
            } catch (RuntimeException notSettled) {
                // the next claim of the job settles them
                e.addSuppressed(notSettled);
            }
            throw e;
        }
    }

    /** The row and its gallery search entry, together, while the worker still holds the job. */
    private void commit(Artwork artwork, String owner, List<String> keys) {
        GenerationJob job = GenerationJob.findById(artwork.jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !owner.equals(job.leaseOwner) || job.status != JobStatus.RUNNING) {
            throw new LeaseLostException(artwork.jobId);
        }
        artwork.persistAndFlush();
        gallery.index(artwork);
        pending.settle(artwork.jobId, keys);
    }

    /** Removes the stored objects no artwork references; answers the keys it could not look at or remove. */
    private List<String> removeUnreferenced(List<StoredObject> stored, RuntimeException cause) {
        List<String> left = new ArrayList<>();
        for (StoredObject object : stored) {
            try {
                // content addressing means another artwork may hold the very same bytes
                if (!QuarkusTransaction.requiringNew().call(() -> Artwork.referencesKey(object.key()))) {
                    store.delete(object.key());
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not remove %s after a failed artwork write: %s", object.key(), e.getMessage());
                cause.addSuppressed(e);
                left.add(object.key());
            }
        }
        return left;
    }

    private static StoredObject track(List<StoredObject> stored, StoredObject object) {
        stored.add(object);
        return object;
    }
}
