package dev.artmint.studio.credit;

import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Credits, one per image: a daily allowance per UTC day, used first, then credits an admin granted. The account row is
 * locked while it changes, so concurrent requests of one user cannot overspend. A refund goes back to the pool, and the
 * day, its charge took it from.
 */
@ApplicationScoped
public class Credits {

    private final int dailyCredits;
    private final Clock clock;

    @Inject
    Credits(StudioConfig config, Clock clock) {
        this(config.dailyCredits(), clock);
    }

    Credits(int dailyCredits, Clock clock) {
        this.dailyCredits = dailyCredits;
        this.clock = clock;
    }

    @Transactional
    public CreditBalance balance(UUID userId) {
        return balanceOf(locked(userId));
    }

    /**
     * Takes {@code count} credits or throws an out-of-credits {@link Refusal}; joins the caller's transaction. The
     * answer is to be kept with what was charged, for {@link #refund}.
     */
    @Transactional
    public CreditCharge charge(UUID userId, int count) {
        return take(locked(userId), count);
    }

    /** Gives back {@code count} credits of {@code charge}, for images that were not made. */
    @Transactional
    public void refund(UUID userId, CreditCharge charge, int count) {
        if (count <= 0) {
            return;
        }
        giveBack(locked(userId), charge, count);
    }

    @Transactional
    public CreditBalance grant(UUID userId, int count) {
        CreditAccount account = locked(userId);
        account.granted += count;
        return balanceOf(account);
    }

    private CreditAccount locked(UUID userId) {
        LocalDate today = today();
        CreditAccount.getEntityManager()
                .createNativeQuery(
                        "insert into credit_account (user_id, day, daily_used, granted) values (?1, ?2, 0, 0)"
                                + " on conflict (user_id) do nothing")
                .setParameter(1, userId)
                .setParameter(2, today)
                .executeUpdate();
        return current(CreditAccount.findById(userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The account as of today: a new UTC day starts a fresh allowance. */
    CreditAccount current(CreditAccount account) {
        LocalDate today = today();
        if (!account.day.equals(today)) {
            account.day = today;
            account.dailyUsed = 0;
        }
        return account;
    }

    /** Takes {@code count} credits of a current account, today's allowance first, or throws and changes nothing. */
    CreditCharge take(CreditAccount account, int count) {
        CreditBalance balance = balanceOf(account);
        if (balance.available() < count) {
            throw Refusal.outOfCredits(count, balance.available(), balance.refillsAt(), clock.instant());
        }
        int fromDaily = Math.min(count, balance.dailyLeft());
        account.dailyUsed += fromDaily;
        account.granted -= count - fromDaily;
        return new CreditCharge(account.day, fromDaily, count - fromDaily);
    }

    /**
     * Gives up to {@code count} credits of {@code charge} back to a current account, granted credits first as they are
     * kept until spent. Credits of an allowance whose day has passed are not given back: that allowance has ended, and
     * today's is not to grow by it.
     */
    void giveBack(CreditAccount account, CreditCharge charge, int count) {
        int toGranted = Math.min(Math.min(count, charge.total()), charge.granted());
        account.granted += toGranted;
        if (charge.day().equals(account.day)) {
            int toDaily = Math.min(Math.min(count - toGranted, charge.daily()), account.dailyUsed);
            account.dailyUsed -= toDaily;
        }
    }

    CreditBalance balanceOf(CreditAccount account) {
        int dailyLeft = Math.max(0, dailyCredits - account.dailyUsed);
        Instant refillsAt = account.day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new CreditBalance(dailyCredits, dailyLeft, account.granted, dailyLeft + account.granted, refillsAt);
    }

    /** Today in UTC, whatever zone the clock carries. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
