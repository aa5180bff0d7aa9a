/** Royalties as people type them (percent, up to two decimals) and as the API takes them (basis points, 0-1000). */
export const MAX_ROYALTY_BPS = 1000;

export type RoyaltyError = 'format' | 'precision' | 'range';

/** "2.5" → 250, exactly (decimal digits, never floating point); full-width digits and a decimal comma are accepted. */
export function percentToBps(text: string): { bps: number } | { error: RoyaltyError } {
  const trimmed = text.normalize('NFKC').trim().replace(/%$/, '').trim();
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { error: 'format' };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { error: 'precision' };
  const whole = match[1] || '0';
  if (whole.length > 4) return { error: 'range' };
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bps > MAX_ROYALTY_BPS ? { error: 'range' } : { bps };
}

/** 250 → "2.5", 5 → "0.05", 1000 → "10". */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
