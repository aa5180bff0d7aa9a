package dev.artmint.studio.credit;

import java.time.LocalDate;

/** What one charge took: {@code daily} credits of the allowance of {@code day}, and {@code granted} credits. */
public record CreditCharge(LocalDate day, int daily, int granted) {

    public int total() {
        return daily + granted;
    }
}
