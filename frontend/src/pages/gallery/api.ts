import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { keys } from '../../api/queries';
import type { Artwork, ArtworkPage, ClientConfig } from '../../api/types';
import { myArtworksPath } from './query';

/** The API's answers that only the gallery reads; wei amounts and token ids are decimal strings. */
export type Outcome = 'PASSED' | 'FAILED' | 'SKIPPED' | 'QUEUED';

export interface VerificationReport {
  provenanceHash: string;
  verified: boolean;
  reproduced: boolean;
  checks: { name: string; outcome: Outcome; detail: string }[];
}

export type ListingKind = 'LAZY_MINT' | 'MARKET';

export interface ActiveListing {
  id: string;
  priceWei: string;
  kind: ListingKind;
}

/** GET /api/market/artworks/{id}: what the gallery reads of an artwork's page. */
export interface MarketArtworkPage {
  id: string;
  published: boolean;
  royaltyBps: number | null;
  provenance: { record: { strength: number | null; parentArtworkId: string | null }; hash: string } | null;
  listing: ActiveListing | null;
  chain: { minted: boolean; tokenId: string; owner: string | null; mintTxHash: string | null } | null;
}

export interface Transaction {
  id: string;
  hash: string | null;
  status: string;
}

export interface MintView {
  tokenId: string;
  transaction: Transaction;
  to: string;
}

export interface Wallet {
  address: string;
  balanceWei: string;
  tokens: string[];
  linkedAddresses: string[];
}

/** One card of GET /api/market/listings: what the gallery needs of it. */
interface MarketListingCard {
  listingId: string;
  artworkId: string;
  priceWei: string;
}

export const galleryKeys = {
  pages: (q: string) => [...keys.artworks(q), 'pages'] as const,
  artwork: (id: string) => ['me', 'artwork', id] as const,
  page: (id: string) => ['market', 'artworks', id] as const,
  listings: (handle: string) => ['market', 'listings', 'creator', handle] as const,
  wallet: ['me', 'wallet'] as const,
  config: ['config'] as const,
};

/** The caller's artworks matching `q`, newest first, one cursor page after another. */
export function useMyArtworks(q: string) {
  return useInfiniteQuery({
    queryKey: galleryKeys.pages(q),
    queryFn: ({ pageParam, signal }) => api<ArtworkPage>(myArtworksPath(q, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // while a new search loads, the grid keeps showing the last one instead of jumping to empty
    placeholderData: keepPreviousData,
  });
}

export function useArtwork(id: string | null, known: Artwork | undefined) {
  return useQuery({
    queryKey: galleryKeys.artwork(id ?? ''),
    queryFn: ({ signal }) => api<Artwork>(`/api/artworks/${encodeURIComponent(id!)}`, { signal }),
    enabled: id !== null,
    placeholderData: known,
  });
}

/** The artwork's market page (listing, token); read again every 2 s while `awaitMint` and the token is not seen yet. */
export function useArtworkPage(id: string | null, awaitMint: boolean) {
  return useQuery({
    queryKey: galleryKeys.page(id ?? ''),
    queryFn: ({ signal }) => api<MarketArtworkPage>(`/api/market/artworks/${encodeURIComponent(id!)}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (awaitMint && query.state.data?.chain?.minted !== true ? 2000 : false),
  });
}

// a creator with more active listings than this sees the Listed badge on the others once their panel is opened
const LISTING_PAGES = 10;

/**
 * The caller's active listings by artwork id, from the market's browse pages (the gallery's own list does not
 * name listings), so cards can say Listed.
 */
export function useMyListings(handle: string | undefined) {
  return useQuery({
    queryKey: galleryKeys.listings(handle ?? ''),
    enabled: handle !== undefined,
    queryFn: async ({ signal }) => {
      const listed = new Map<string, MarketListingCard>();
      let cursor: string | null = null;
      for (let page = 0; page < LISTING_PAGES; page++) {
        const params = new URLSearchParams({ creator: handle!, limit: '100' });
        if (cursor) params.set('cursor', cursor);
        // public pages may be kept by the browser for seconds; the creator's own listings must be current
        const response = await fetch(`/api/market/listings?${params}`, { signal, cache: 'no-cache', headers: { Accept: 'application/json' } });
        if (!response.ok) throw await ApiProblem.from(response);
        const found = (await response.json()) as { items: MarketListingCard[]; nextCursor: string | null };
        found.items.forEach((card) => listed.set(card.artworkId, card));
        cursor = found.nextCursor;
        if (!cursor) break;
      }
      return listed;
    },
  });
}

export function useWallet(enabled: boolean) {
  return useQuery({ queryKey: galleryKeys.wallet, queryFn: () => api<Wallet>('/api/me/wallet'), enabled });
}

export function useClientConfig() {
  return useQuery({
    queryKey: galleryKeys.config,
    queryFn: () => api<ClientConfig>('/api/config', { anonymous: true }),
    staleTime: Infinity,
  });
}

/** After a change to an artwork: its card, its detail and its market page are read again. */
export function invalidateArtwork(client: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['me', 'artworks'] }),
    client.invalidateQueries({ queryKey: galleryKeys.artwork(id) }),
    // the artwork's market page and the browse pages that may show it
    client.invalidateQueries({ queryKey: ['market'] }),
  ]);
}

export function useInvalidateArtwork() {
  const client = useQueryClient();
  return useCallback((id: string) => invalidateArtwork(client, id), [client]);
}

/** The artwork's market page if the detail panel has read it, without fetching it: cards show its listing. */
export function useKnownArtworkPage(id: string) {
  return useQuery({
    queryKey: galleryKeys.page(id),
    queryFn: ({ signal }) => api<MarketArtworkPage>(`/api/market/artworks/${encodeURIComponent(id)}`, { signal }),
    enabled: false,
  });
}

/**
 * What the gallery shows about an artwork's place on the market. Its own page, once read, is the freshest source
 * (it is never cached); the browse pages behind `listedOnMarket` may be a few seconds old.
 */
export function marketState(artwork: Artwork, page: MarketArtworkPage | undefined, mintSent: boolean, listedOnMarket = false) {
  const minted = page?.chain?.minted === true || artwork.minted === true;
  return {
    published: artwork.published,
    listed: page ? page.listing !== null : artwork.published && listedOnMarket,
    minted,
    minting: mintSent && !minted,
  };
}
