package dev.artmint.studio.credit;

import java.time.Instant;

/** What a user may still spend: today's allowance left, granted credits, and when the allowance refills. */
public record CreditBalance(int dailyAllowance, int dailyLeft, int granted, int available, Instant refillsAt) {}
