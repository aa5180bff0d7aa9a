package dev.artmint.market;

import dev.artmint.identity.User;
import dev.artmint.market.listing.Listing;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.storage.StoredObject;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Licence;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.JobStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Published artworks and listings written straight into the database, as the publishing and listing endpoints (another
 * branch) will write them: the artwork published in a transaction that fires {@link ArtworkPublished}.
 */
final class BrowseFixtures {

    private BrowseFixtures() {}

    /** How an artwork should look. */
    record Work(
            String title,
            String prompt,
            String description,
            String model,
            int likes,
            Instant publishedAt,
            boolean published,
            boolean hidden) {

        static Work published(String title, String prompt, Instant publishedAt) {
            return new Work(title, prompt, null, "tiny", 0, publishedAt, true, false);
        }

        Work model(String name) {
            return new Work(title, prompt, description, name, likes, publishedAt, published, hidden);
        }

        Work likes(int count) {
            return new Work(title, prompt, description, model, count, publishedAt, published, hidden);
        }

        Work description(String text) {
            return new Work(title, prompt, text, model, likes, publishedAt, published, hidden);
        }

        Work asUnpublished() {
            return new Work(title, prompt, description, model, likes, null, false, hidden);
        }

        Work asHidden() {
            return new Work(title, prompt, description, model, likes, publishedAt, published, true);
        }
    }

    /** A creator of the test's own, so the test's filters see only its artworks. */
    static User creator(String handlePrefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = new User();
            user.id = UUID.randomUUID();
            user.handle = handlePrefix + "-" + user.id.toString().substring(0, 8);
            user.subject = "fixture:" + user.handle;
            user.displayName = "Fixture " + user.handle;
            user.roles = List.of("creator", "collector");
            user.bio = "makes test pictures";
            user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            user.updatedAt = user.createdAt;
            user.persist();
            return user;
        });
    }

    /** An artwork of the creator's whose image objects do not exist (pages that only link to them). */
    static Artwork artwork(UUID creatorId, Work work) {
        String sha = StoredObject.sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return artwork(creatorId, work, "images/" + sha + ".png", "thumbnails/" + sha + ".png");
    }

    /** An artwork of the creator's with its image and thumbnail under the given object keys. */
    static Artwork artwork(UUID creatorId, Work work, String imageKey, String thumbnailKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            GenerationJob job = new GenerationJob();
            job.id = UUID.randomUUID();
            job.userId = creatorId;
            job.status = JobStatus.SUCCEEDED;
            job.model = work.model();
            job.prompt = work.prompt();
            job.negativePrompt = "";
            job.seed = 1;
            job.steps = 2;
            job.guidance = 5;
            job.width = 64;
            job.height = 64;
            job.count = 1;
            job.scheduler = "euler_a";
            job.runAfter = now;
            job.createdAt = now;
            job.chargedDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
            job.chargedDaily = 1;
            job.updatedAt = now;
            job.finishedAt = now;
            job.persist();

            ProvenanceRecord record = new ProvenanceRecord(
                    ProvenanceRecord.VERSION,
                    work.prompt(),
                    "",
                    1,
                    2,
                    5.0,
                    "euler_a",
                    64,
                    64,
                    1,
                    0,
                    work.model(),
                    "00".repeat(32),
                    "cpu",
                    null,
                    null,
                    creatorId.toString(),
                    now.toString(),
                    StoredObject.sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
            Artwork artwork = new Artwork();
            artwork.id = UUID.randomUUID();
            artwork.jobId = job.id;
            artwork.creatorId = creatorId;
            artwork.model = work.model();
            artwork.seed = 1;
            artwork.width = 64;
            artwork.height = 64;
            artwork.imageKey = imageKey;
            artwork.imageSha256 = record.imageSha256();
            artwork.thumbnailKey = thumbnailKey;
            artwork.provenanceKey = "provenance/" + record.imageSha256() + ".json";
            artwork.provenanceJson = record.canonicalJson();
            artwork.provenanceHash = record.hash();
            artwork.tokenId = record.tokenId();
            artwork.createdAt = now;
            artwork.published = work.published();
            artwork.hidden = work.hidden();
            artwork.likeCount = work.likes();
            if (work.published()) {
                artwork.title = work.title();
                artwork.description = work.description();
                artwork.licence = Licence.PERSONAL;
                artwork.royaltyBps = 500;
                artwork.publishedAt = work.publishedAt();
            }
            artwork.persist();
            if (work.published()) {
                Activity.record(artwork.id, Activity.Kind.PUBLISHED, creatorId);
                Arc.container()
                        .beanManager()
                        .getEvent()
                        .select(ArtworkPublished.class)
                        .fire(new ArtworkPublished(artwork.id));
            }
            return artwork;
        });
    }

    /** An active listing of the artwork by its creator, listed at the given time. */
    static Listing listing(Artwork artwork, BigInteger priceWei, Instant listedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = new Listing();
            listing.id = UUID.randomUUID();
            listing.artworkId = artwork.id;
            listing.tokenId = artwork.tokenId;
            listing.sellerId = artwork.creatorId;
            listing.sellerAddress = "0x" + "ab".repeat(20);
            listing.priceWei = priceWei;
            listing.kind = Listing.Kind.LAZY_MINT;
            listing.status = Listing.Status.ACTIVE;
            listing.createdAt = listedAt.truncatedTo(ChronoUnit.MICROS);
            listing.updatedAt = listing.createdAt;
            listing.persist();
            Activity activity = Activity.record(artwork.id, Activity.Kind.LISTED, artwork.creatorId);
            activity.priceWei = priceWei;
            return listing;
        });
    }
}
