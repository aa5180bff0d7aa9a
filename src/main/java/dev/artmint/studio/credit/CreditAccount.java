package dev.artmint.studio.credit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A user's credits: what they used of the allowance of {@code day}, and what an admin granted them. */
@Entity
@Table(name = "credit_account")
public class CreditAccount extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "daily_used")
    public int dailyUsed;

    public int granted;
}
