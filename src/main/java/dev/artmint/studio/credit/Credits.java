package dev.artmint.studio.credit;

import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.StudioConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Credits, one per image: a daily allowance per UTC day, used first, then credits an admin granted. The account
 * row is locked while it changes, so concurrent requests of one user cannot overspend.
 */
@ApplicationScoped
public class Credits {

    private final StudioConfig config;
    private final Clock clock = Clock.systemUTC();

    Credits(StudioConfig config) {
        this.config = config;
    }

    @Transactional
    public CreditBalance balance(UUID userId) {
        return balanceOf(locked(userId));
    }

    /** Takes {@code count} credits or throws an out-of-credits {@link Refusal}; joins the caller's transaction. */
    @Transactional
    public void charge(UUID userId, int count) {
        CreditAccount account = locked(userId);
        CreditBalance balance = balanceOf(account);
        if (balance.available() < count) {
            throw Refusal.outOfCredits(count, balance.available(), balance.refillsAt(), clock.instant());
        }
        int fromDaily = Math.min(count, balance.dailyLeft());
        account.dailyUsed += fromDaily;
        account.granted -= count - fromDaily;
    }

    /** Gives back credits of images that were not made: to today's allowance while it was spent, else as granted. */
    @Transactional
    public void refund(UUID userId, int count) {
        if (count <= 0) {
            return;
        }
        CreditAccount account = locked(userId);
        int toDaily = Math.min(count, account.dailyUsed);
        account.dailyUsed -= toDaily;
        account.granted += count - toDaily;
    }

    @Transactional
    public CreditBalance grant(UUID userId, int count) {
        CreditAccount account = locked(userId);
        account.granted += count;
        return balanceOf(account);
    }

    private CreditAccount locked(UUID userId) {
        LocalDate today = LocalDate.now(clock);
        CreditAccount.getEntityManager()
                .createNativeQuery("insert into credit_account (user_id, day, daily_used, granted) values (?1, ?2, 0, 0)"
                        + " on conflict (user_id) do nothing")
                .setParameter(1, userId).setParameter(2, today).executeUpdate();
        CreditAccount account = CreditAccount.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.day.equals(today)) {
            account.day = today;
            account.dailyUsed = 0;
        }
        return account;
    }

    private CreditBalance balanceOf(CreditAccount account) {
        int dailyLeft = Math.max(0, config.dailyCredits() - account.dailyUsed);
        Instant refillsAt = account.day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new CreditBalance(config.dailyCredits(), dailyLeft, account.granted, dailyLeft + account.granted, refillsAt);
    }
}
