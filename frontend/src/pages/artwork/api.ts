import { useQuery } from '@tanstack/react-query';
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { api, authHeaders } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { CreatorRef } from '../../api/market';
import { galleryKeys, type ListingKind } from '../gallery/api';

/** GET /api/market/artworks/{id}: the artwork's public page; wei amounts and token ids are decimal strings. */
export interface ProvenanceRecord {
  prompt: string;
  negativePrompt: string | null;
  seed: number;
  steps: number;
  guidance: number;
  scheduler: string;
  width: number;
  height: number;
  modelId: string;
  modelSha256: string;
  parentArtworkId: string | null;
  strength: number | null;
  imageSha256: string;
}

export interface HistoryEntry {
  kind: string;
  at: string;
  actor: string | null;
  from: string | null;
  to: string | null;
  priceWei: string | null;
  royaltyWei: string | null;
  feeWei: string | null;
  txHash: string | null;
  blockNumber: number | null;
}

export interface PublicArtwork {
  id: string;
  title: string | null;
  description: string | null;
  licence: 'PERSONAL' | 'COMMERCIAL' | null;
  royaltyBps: number | null;
  model: string;
  width: number;
  height: number;
  published: boolean;
  createdAt: string;
  publishedAt: string | null;
  image: string;
  thumbnail: string;
  creator: CreatorRef;
  likes: number;
  likedByMe: boolean | null;
  provenance: { record: ProvenanceRecord; canonicalJson: string; hash: string };
  listing: { id: string; priceWei: string; kind: ListingKind; gasReserveWei: string | null } | null;
  chain: {
    minted: boolean;
    contract: string | null;
    tokenId: string;
    owner: string | null;
    ownerHandle: string | null;
    mintTxHash: string | null;
    lastTransferTxHash: string | null;
  };
  history: HistoryEntry[];
}

export type PurchaseStatus = 'PENDING' | 'SUBMITTED' | 'SETTLED' | 'FAILED';

export interface Purchase {
  id: string;
  listingId: string;
  buyerAddress: string;
  priceWei: string;
  status: PurchaseStatus;
  txHash: string | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
  settledAt: string | null;
}

/**
 * The page, read again each second while `awaitOwner` names an address the indexer has not seen take the token
 * yet: a settled purchase reaches the page a block later.
 */
export function useArtworkPage(id: string, awaitOwner: string | null) {
  return useQuery({
    // the gallery's key for the same page: a change made there or here refreshes both
    queryKey: galleryKeys.page(id),
    queryFn: ({ signal }) => api<PublicArtwork>(`/api/market/artworks/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) =>
      awaitOwner !== null && query.state.data?.chain.owner?.toLowerCase() !== awaitOwner.toLowerCase() ? 1000 : false,
  });
}

/** The stream cannot be opened (no such purchase, not the caller's): following it again would not help. */
class StreamOver extends Error {}

/**
 * Follows a purchase's events (pending, submitted, settled or failed) over SSE with a fresh bearer token per
 * connection, calling `onUpdate` with each; ends after the last. Answers a function that stops following.
 */
export function followPurchase(id: string, onUpdate: (purchase: Purchase) => void, onError: (error: unknown) => void): () => void {
  const controller = new AbortController();
  let over = false;
  fetchEventSource(`/api/purchases/${encodeURIComponent(id)}/events`, {
    signal: controller.signal,
    openWhenHidden: true,
    fetch: async (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(await authHeaders()) } }),
    async onopen(response) {
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && type.startsWith('text/event-stream')) return;
      throw new StreamOver((await ApiProblem.from(response)).message);
    },
    onmessage(message) {
      if (!message.data) return;
      const purchase = JSON.parse(message.data) as Purchase;
      if (purchase.status === 'SETTLED' || purchase.status === 'FAILED') over = true;
      onUpdate(purchase);
    },
    onclose() {
      // the server ends the stream after the last event; a stream closed before it is followed again
      if (!over) throw new Error('the purchase stream closed early');
    },
    onerror(error) {
      if (error instanceof StreamOver) {
        onError(error);
        throw error;
      }
      // undefined: retry after the library's back-off
      return undefined;
    },
  }).catch(() => undefined);
  return () => controller.abort();
}
