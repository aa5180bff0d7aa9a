package dev.artmint.studio.artwork;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One generated image, its stored objects and its provenance; private to its creator until published. */
@Entity
@Table(name = "artwork")
public class Artwork extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(name = "image_index")
    public int imageIndex;

    @Column(name = "creator_id", nullable = false)
    public UUID creatorId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String model;

    public long seed;
    public int width;
    public int height;

    @Column(name = "image_key", nullable = false)
    public String imageKey;

    @Column(name = "image_sha256", nullable = false)
    public String imageSha256;

    @Column(name = "thumbnail_key", nullable = false)
    public String thumbnailKey;

    @Column(name = "provenance_key", nullable = false)
    public String provenanceKey;

    @Column(name = "provenance_hash", nullable = false)
    public String provenanceHash;

    @Column(name = "provenance_json", nullable = false, columnDefinition = "text")
    public String provenanceJson;

    /** uint256 of the provenance hash: the token id the collection gives this artwork when it is minted. */
    @Column(name = "token_id", nullable = false, precision = 78)
    public BigInteger tokenId;

    public boolean published;

    public boolean hidden;

    // why an admin hid it; null while it is visible
    @Column(name = "hidden_reason")
    public String hiddenReason;

    // set by the creator when publishing; null before the first publication
    @Column(length = 120)
    public String title;

    @Column(columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    public Licence licence;

    @Column(name = "royalty_bps")
    public Integer royaltyBps;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "like_count", nullable = false)
    public int likeCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Artwork> ofJob(UUID jobId) {
        return list("jobId = ?1 order by imageIndex", jobId);
    }

    /** Whether any artwork still refers to this object key, so it must not be deleted. */
    public static boolean referencesKey(String key) {
        return count("imageKey = ?1 or thumbnailKey = ?1 or provenanceKey = ?1", key) > 0;
    }
}
