import { saleSplit, type SaleSplit } from '../gallery/price';

/** What buying a listing costs the buyer and where its price goes, exactly in wei. */
export interface BuyQuote extends SaleSplit {
  priceWei: bigint;
  gasReserveWei: bigint;
  /** The price plus the gas reserve: what the buyer's balance must cover. */
  neededWei: bigint;
  balanceWei: bigint;
  /** How much more the wallet needs; 0 when it holds enough. */
  shortfallWei: bigint;
}

/**
 * The buyer pays the price and the gas (at most the reserve); the fee and, on a resale, the royalty come out of
 * the price, as the contracts split it.
 */
export function buyQuote(input: {
  priceWei: string;
  gasReserveWei: string;
  balanceWei: string;
  royaltyBps: number;
  lazyMint: boolean;
  feeBps: number;
}): BuyQuote {
  const priceWei = BigInt(input.priceWei);
  const gasReserveWei = BigInt(input.gasReserveWei);
  const balanceWei = BigInt(input.balanceWei);
  const neededWei = priceWei + gasReserveWei;
  const shortfallWei = neededWei > balanceWei ? neededWei - balanceWei : 0n;
  return {
    ...saleSplit(priceWei, input.royaltyBps, input.lazyMint, input.feeBps),
    priceWei,
    gasReserveWei,
    neededWei,
    balanceWei,
    shortfallWei,
  };
}

/** The steps a purchase goes through, in order, as its event stream names them. */
export const PURCHASE_STEPS = ['PENDING', 'SUBMITTED', 'SETTLED'] as const;
