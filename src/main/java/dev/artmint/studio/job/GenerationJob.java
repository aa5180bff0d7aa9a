package dev.artmint.studio.job;

import dev.artmint.studio.credit.CreditCharge;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A request for images, queued in the database until a worker makes them. */
@Entity
@Table(name = "generation_job")
public class GenerationJob extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false, columnDefinition = "text")
    public String prompt;

    @Column(name = "negative_prompt", nullable = false, columnDefinition = "text")
    public String negativePrompt;

    public long seed;
    public int steps;
    public double guidance;
    public int width;
    public int height;

    @Column(name = "image_count")
    public int count;

    @Column(nullable = false)
    public String scheduler;

    @Column(name = "init_artwork_id")
    public UUID initArtworkId;

    public Double strength;

    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "run_after", nullable = false)
    public Instant runAfter;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    @Column(name = "progress_step")
    public int progressStep;

    @Column(name = "progress_total")
    public int progressTotal;

    @Column(name = "engine_millis")
    public Long engineMillis;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The allowance day the credits were charged from, and how many came from it and from granted credits. */
    @Column(name = "charged_day", nullable = false)
    public LocalDate chargedDay;

    @Column(name = "charged_daily")
    public int chargedDaily;

    @Column(name = "charged_granted")
    public int chargedGranted;

    public CreditCharge charge() {
        return new CreditCharge(chargedDay, chargedDaily, chargedGranted);
    }

    void charged(CreditCharge charge) {
        chargedDay = charge.day();
        chargedDaily = charge.daily();
        chargedGranted = charge.granted();
    }
}
