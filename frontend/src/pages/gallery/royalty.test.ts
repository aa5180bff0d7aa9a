import { describe, expect, it } from 'vitest';
import { bpsToPercent, percentToBps } from './royalty';

describe('royalty percent ↔ basis points', () => {
  it('converts typed percentages exactly', () => {
    expect(percentToBps('0')).toEqual({ bps: 0 });
    expect(percentToBps('2.5')).toEqual({ bps: 250 });
    expect(percentToBps('0.05')).toEqual({ bps: 5 });
    expect(percentToBps('10')).toEqual({ bps: 1000 });
    expect(percentToBps('10.00')).toEqual({ bps: 1000 });
    expect(percentToBps('7,25 %')).toEqual({ bps: 725 });
    expect(percentToBps('.5')).toEqual({ bps: 50 });
    expect(percentToBps('２．５')).toEqual({ bps: 250 });
    // 0.29 * 100 is 28.999999999999996 in floating point; the digits are read as digits
    expect(percentToBps('0.29')).toEqual({ bps: 29 });
  });

  it('refuses what a royalty cannot be', () => {
    expect(percentToBps('')).toEqual({ error: 'format' });
    expect(percentToBps('-1')).toEqual({ error: 'format' });
    expect(percentToBps('abc')).toEqual({ error: 'format' });
    expect(percentToBps('2.555')).toEqual({ error: 'precision' });
    expect(percentToBps('10.01')).toEqual({ error: 'range' });
    expect(percentToBps('99999')).toEqual({ error: 'range' });
  });

  it('shows basis points as a percentage and back', () => {
    expect(bpsToPercent(0)).toBe('0');
    expect(bpsToPercent(5)).toBe('0.05');
    expect(bpsToPercent(250)).toBe('2.5');
    expect(bpsToPercent(1000)).toBe('10');
    for (let bps = 0; bps <= 1000; bps++) expect(percentToBps(bpsToPercent(bps))).toEqual({ bps });
  });
});
