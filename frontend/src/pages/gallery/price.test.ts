import { describe, expect, it } from 'vitest';
import { MAX_PRICE_WEI, parsePrice, saleSplit } from './price';

describe('listing price', () => {
  it('converts the typed ETH amount exactly to wei', () => {
    expect(parsePrice('0.01')).toEqual({ wei: 10_000_000_000_000_000n });
    expect(parsePrice(' 1 ')).toEqual({ wei: 10n ** 18n });
    expect(parsePrice('0.000000000000000001')).toEqual({ wei: 1n });
    expect(parsePrice('0,5')).toEqual({ wei: 5n * 10n ** 17n });
    expect(parsePrice('０.０１')).toEqual({ wei: 10n ** 16n });
    expect(parsePrice('79228162514.264337593543950335')).toEqual({ wei: MAX_PRICE_WEI });
  });

  it('refuses empty, malformed, zero, too precise and too high prices', () => {
    expect(parsePrice('')).toEqual({ error: 'required' });
    expect(parsePrice('   ')).toEqual({ error: 'required' });
    expect(parsePrice('abc')).toEqual({ error: 'format' });
    expect(parsePrice('1e18')).toEqual({ error: 'format' });
    expect(parsePrice('-1')).toEqual({ error: 'format' });
    expect(parsePrice('0')).toEqual({ error: 'zero' });
    expect(parsePrice('0.000')).toEqual({ error: 'zero' });
    expect(parsePrice('0.0000000000000000001')).toEqual({ error: 'decimals' });
    expect(parsePrice('79228162514.264337593543950336')).toEqual({ error: 'max' });
  });
});

describe('sale split', () => {
  it('takes the 2.5 % platform fee, rounded down, and pays the rest to the creator of a lazy mint', () => {
    expect(saleSplit(10n ** 16n, 500, true, 250)).toEqual({
      platformFeeWei: 250_000_000_000_000n,
      royaltyWei: 0n,
      sellerWei: 9_750_000_000_000_000n,
    });
    expect(saleSplit(39n, 0, true, 250)).toEqual({ platformFeeWei: 0n, royaltyWei: 0n, sellerWei: 39n });
  });

  it('pays the royalty too on a market sale', () => {
    expect(saleSplit(10n ** 18n, 500, false, 250)).toEqual({
      platformFeeWei: 25_000_000_000_000_000n,
      royaltyWei: 50_000_000_000_000_000n,
      sellerWei: 925_000_000_000_000_000n,
    });
  });
});
