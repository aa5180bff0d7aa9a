/** Exact conversions between ether amounts typed by people and wei (bigint); never floating point. */
const DECIMALS = 18;
const WEI_PER_ETH = 10n ** BigInt(DECIMALS);

/** "0.05" → 50000000000000000n; throws a RangeError for anything that is not a plain non-negative decimal with at most 18 places. */
export function parseEther(text: string): bigint {
  const trimmed = text.trim();
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new RangeError('not a decimal amount');
  }
  const whole = match[1] || '0';
  const fraction = match[2] ?? '';
  if (fraction.length > DECIMALS) {
    throw new RangeError('more than 18 decimal places');
  }
  return BigInt(whole) * WEI_PER_ETH + BigInt(fraction.padEnd(DECIMALS, '0') || '0');
}

/** 50000000000000000n → "0.05": every significant digit, no trailing zeros, no exponent. */
export function formatEther(wei: bigint | string): string {
  const value = typeof wei === 'string' ? BigInt(wei) : wei;
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / WEI_PER_ETH;
  const fraction = (magnitude % WEI_PER_ETH).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return (negative ? '-' : '') + whole.toString() + (fraction ? '.' + fraction : '');
}
