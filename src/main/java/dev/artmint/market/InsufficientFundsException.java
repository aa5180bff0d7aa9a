package dev.artmint.market;

import java.math.BigInteger;

/** A custodial wallet holds less ether than a request needs: its price and the most its gas can cost. */
public class InsufficientFundsException extends RuntimeException {

    private final BigInteger needed;
    private final BigInteger balance;

    public InsufficientFundsException(String purpose, BigInteger needed, BigInteger balance) {
        super("your custodial wallet holds " + balance + " wei; " + purpose + " needs " + needed + " wei, "
                + needed.subtract(balance) + " wei more");
        this.needed = needed;
        this.balance = balance;
    }

    public BigInteger needed() {
        return needed;
    }

    public BigInteger balance() {
        return balance;
    }
}
