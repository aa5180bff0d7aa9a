import { describe, expect, it } from 'vitest';
import { formatEther, parseEther } from './wei';

describe('wei', () => {
  it('parses ether exactly', () => {
    expect(parseEther('0.05')).toBe(50_000_000_000_000_000n);
    expect(parseEther('1')).toBe(10n ** 18n);
    expect(parseEther('.1')).toBe(10n ** 17n);
    expect(parseEther('0.000000000000000001')).toBe(1n);
    expect(parseEther('123456789.123456789123456789')).toBe(123456789123456789123456789n);
    expect(parseEther('0,5')).toBe(5n * 10n ** 17n);
  });

  it('refuses what is not an exact amount', () => {
    expect(() => parseEther('')).toThrow(RangeError);
    expect(() => parseEther('1e18')).toThrow(RangeError);
    expect(() => parseEther('-1')).toThrow(RangeError);
    expect(() => parseEther('0.0000000000000000001')).toThrow(RangeError);
    expect(() => parseEther('.')).toThrow(RangeError);
  });

  it('formats wei without losing digits', () => {
    expect(formatEther(50_000_000_000_000_000n)).toBe('0.05');
    expect(formatEther('1')).toBe('0.000000000000000001');
    expect(formatEther(0n)).toBe('0');
    expect(formatEther((2n ** 96n - 1n).toString())).toBe('79228162514.264337593543950335');
    expect(parseEther(formatEther(123456789123456789123456789n))).toBe(123456789123456789123456789n);
  });
});
