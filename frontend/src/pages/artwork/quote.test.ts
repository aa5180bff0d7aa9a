import { describe, expect, it } from 'vitest';
import { buyQuote } from './quote';

describe('buyQuote', () => {
  it('adds the gas reserve to the price and names the shortfall of an empty wallet', () => {
    const quote = buyQuote({ priceWei: '10000000000000000', gasReserveWei: '600000000000000', balanceWei: '0', royaltyBps: 500, lazyMint: true, feeBps: 250 });
    expect(quote.neededWei).toBe(10_600_000_000_000_000n);
    expect(quote.shortfallWei).toBe(10_600_000_000_000_000n);
    expect(quote.platformFeeWei).toBe(250_000_000_000_000n);
    // a lazy mint is the creator's own sale: no royalty
    expect(quote.royaltyWei).toBe(0n);
  });

  it('has no shortfall when the balance covers price and gas, and a resale pays the royalty', () => {
    const quote = buyQuote({ priceWei: '20000000000000000', gasReserveWei: '1', balanceWei: '20000000000000001', royaltyBps: 500, lazyMint: false, feeBps: 250 });
    expect(quote.shortfallWei).toBe(0n);
    expect(quote.royaltyWei).toBe(1_000_000_000_000_000n);
    expect(quote.sellerWei).toBe(20_000_000_000_000_000n - 1_000_000_000_000_000n - 500_000_000_000_000n);
  });
});
