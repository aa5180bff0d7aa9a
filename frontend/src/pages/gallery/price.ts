import { parseEther } from '../../lib/wei';

/** ArtMarket keeps prices in a uint96: the highest listing price is 2^96 - 1 wei. */
export const MAX_PRICE_WEI = 2n ** 96n - 1n;
const BPS = 10_000n;

export type PriceError = 'required' | 'format' | 'decimals' | 'zero' | 'max';

/** A price in ETH as typed, checked and converted exactly to wei (full-width digits and a decimal comma accepted). */
export function parsePrice(text: string): { wei: bigint } | { error: PriceError } {
  const normalised = text.normalize('NFKC').trim();
  if (normalised === '') return { error: 'required' };
  let wei: bigint;
  try {
    wei = parseEther(normalised);
  } catch {
    return { error: /^\d*[.,]\d{19,}$/.test(normalised) ? 'decimals' : 'format' };
  }
  if (wei === 0n) return { error: 'zero' };
  if (wei > MAX_PRICE_WEI) return { error: 'max' };
  return { wei };
}

/** How a sale at `priceWei` is paid out, rounded down as the contracts do. */
export interface SaleSplit {
  platformFeeWei: bigint;
  royaltyWei: bigint;
  sellerWei: bigint;
}

/**
 * A lazy-mint sale pays the platform fee (`platformFeeBps` of GET /api/config) and the rest to the creator
 * (ArtMint721.redeem); a market sale also pays the ERC-2981 royalty to the creator (ArtMarket.buy).
 */
export function saleSplit(priceWei: bigint, royaltyBps: number, lazyMint: boolean, feeBps: number): SaleSplit {
  const platformFeeWei = (priceWei * BigInt(feeBps)) / BPS;
  const royaltyWei = lazyMint ? 0n : (priceWei * BigInt(royaltyBps)) / BPS;
  return { platformFeeWei, royaltyWei, sellerWei: priceWei - platformFeeWei - royaltyWei };
}
