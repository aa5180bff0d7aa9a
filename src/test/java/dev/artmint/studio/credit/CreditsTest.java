package dev.artmint.studio.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.artmint.platform.TestClock;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CreditsTest {

    private static final int DAILY = 10;
    private static final Instant LAST_MOMENT = Instant.parse("2026-03-04T23:59:59.999Z");

    private final Credits credits = new Credits(DAILY, Clock.fixed(LAST_MOMENT, ZoneOffset.UTC));

    @Test
    void theAllowanceRefillsAtTheNextUtcMidnight() {
        CreditBalance balance = credits.balanceOf(credits.current(account("2026-03-04", 3, 2)));

        assertEquals(new CreditBalance(DAILY, 7, 2, 9, Instant.parse("2026-03-05T00:00:00Z")), balance);
    }

    @Test
    void aNewDayForgetsYesterdaysUseButKeepsTheGrantedCredits() {
        CreditAccount account = credits.current(account("2026-03-03", DAILY, 4));

        assertEquals(LocalDate.of(2026, 3, 4), account.day);
        assertEquals(
                new CreditBalance(DAILY, DAILY, 4, DAILY + 4, Instant.parse("2026-03-05T00:00:00Z")),
                credits.balanceOf(account));
    }

    @Test
    void theDayIsTheClocksUtcDayWhateverTheClocksZone() {
        Clock tokyo = Clock.fixed(LAST_MOMENT, ZoneOffset.ofHours(9));
        CreditAccount account = new Credits(DAILY, tokyo).current(account("2026-03-04", 3, 0));

        // 08:59 on the 5th in Tokyo is still the 4th in UTC: the same day, the same allowance
        assertEquals(LocalDate.of(2026, 3, 4), account.day);
        assertEquals(3, account.dailyUsed);
    }

    @Test
    void chargingTakesTodaysAllowanceFirstThenGrantedCredits() {
        CreditAccount account = account("2026-03-04", 8, 5);

        credits.take(account, 4);

        assertEquals(DAILY, account.dailyUsed);
        assertEquals(3, account.granted);
        assertEquals(3, credits.balanceOf(account).available());
    }

    @Test
    void aChargeBeyondWhatIsLeftIsRefusedWithTheRefillTimeAndChangesNothing() {
        CreditAccount account = account("2026-03-04", 9, 2);

        Refusal refused = assertThrows(Refusal.class, () -> credits.take(account, 4));

        assertEquals(
                "this request needs 4 credits and 3 are left; the daily allowance refills at 2026-03-05T00:00:00Z",
                refused.getMessage());
        assertEquals(ProblemType.OUT_OF_CREDITS, refused.type());
        // 1 ms before the refill: clients are told to wait a whole second, never 0
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
        assertEquals(9, account.dailyUsed);
        assertEquals(2, account.granted);
    }

    @Test
    void exactlyWhatIsLeftCanBeSpent() {
        CreditAccount account = account("2026-03-04", 9, 2);

        credits.take(account, 3);

        assertEquals(0, credits.balanceOf(account).available());
    }

    @Test
    void aRefundOnTheDayOfTheChargeGoesBackToTheAllowanceAndTheGrantedCreditsItCameFrom() {
        CreditAccount account = account("2026-03-04", 8, 5);
        CreditCharge charge = credits.take(account, 4);

        credits.giveBack(account, charge, 4);

        assertEquals(new CreditCharge(LocalDate.of(2026, 3, 4), 2, 2), charge);
        assertEquals(8, account.dailyUsed);
        assertEquals(5, account.granted);
    }

    @Test
    void aPartialRefundGivesBackGrantedCreditsFirst() {
        CreditAccount account = account("2026-03-04", 8, 5);
        CreditCharge charge = credits.take(account, 4);

        credits.giveBack(account, charge, 3);

        assertEquals(9, account.dailyUsed);
        assertEquals(5, account.granted);
    }

    @Test
    void aRefundAfterMidnightOfYesterdaysAllowanceDoesNotGrowTodaysAllowance() {
        TestClock clock = new TestClock();
        clock.hold(Instant.parse("2026-03-04T23:59:59Z"));
        Credits credits = new Credits(DAILY, clock);
        CreditAccount account = credits.current(account("2026-03-04", 7, 5));
        CreditCharge charge = credits.take(account, 6);

        clock.hold(Instant.parse("2026-03-05T00:00:01Z"));
        CreditAccount nextDay = credits.current(account);
        credits.take(nextDay, 4);
        credits.giveBack(nextDay, charge, 6);

        assertEquals(new CreditCharge(LocalDate.of(2026, 3, 4), 3, 3), charge);
        // the 3 granted credits come back; the 3 of the 4th's allowance ended with the 4th
        assertEquals(
                new CreditBalance(DAILY, DAILY - 4, 5, DAILY - 4 + 5, Instant.parse("2026-03-06T00:00:00Z")),
                credits.balanceOf(nextDay));
    }

    @Test
    void anAllowanceLoweredBelowTodaysUseLeavesNothingRatherThanANegativeBalance() {
        CreditBalance balance =
                new Credits(2, Clock.fixed(LAST_MOMENT, ZoneOffset.UTC)).balanceOf(account("2026-03-04", 5, 1));

        assertEquals(0, balance.dailyLeft());
        assertEquals(1, balance.available());
    }

    private static CreditAccount account(String day, int dailyUsed, int granted) {
        CreditAccount account = new CreditAccount();
        account.userId = UUID.randomUUID();
        account.day = LocalDate.parse(day);
        account.dailyUsed = dailyUsed;
        account.granted = granted;
        return account;
    }
}
