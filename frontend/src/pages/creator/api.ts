import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CreatorRef } from '../../api/market';

/** GET /api/creators/{handle} and its tabs; wei amounts and token ids are decimal strings. */
export interface CreatorWork {
  artworkId: string;
  title: string;
  thumbnail: string;
  likes: number;
  priceWei: string | null;
  publishedAt: string;
  minted: boolean;
}

export interface CreatorProfile {
  handle: string;
  displayName: string;
  bio: string | null;
  joinedAt: string;
  counts: { published: number; sold: number };
  works: CreatorWork[];
  nextCursor: string | null;
}

export interface CollectedToken {
  artworkId: string;
  tokenId: string;
  title: string;
  creator: CreatorRef;
  thumbnail: string;
  priceWei: string | null;
}

export interface CreatorEvent {
  kind: string;
  at: string;
  artworkId: string;
  title: string;
  thumbnail: string;
  actor: string | null;
  from: string | null;
  fromHandle: string | null;
  to: string | null;
  toHandle: string | null;
  priceWei: string | null;
  txHash: string | null;
  blockNumber: number | null;
}

export interface FeedPage<T> {
  items: T[];
  nextCursor: string | null;
}

export const creatorKeys = {
  profile: (handle: string) => ['creators', handle] as const,
  collected: (handle: string) => ['creators', handle, 'collected'] as const,
  activity: (handle: string) => ['creators', handle, 'activity'] as const,
};

function path(base: string, cursor: string | null): string {
  return cursor ? `${base}${base.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : base;
}

/** The profile, its first page of works and every further page asked for. */
export function useProfile(handle: string) {
  return useInfiniteQuery({
    queryKey: creatorKeys.profile(handle),
    queryFn: ({ pageParam, signal }) =>
      api<CreatorProfile>(path(`/api/creators/${encodeURIComponent(handle)}`, pageParam), { signal, anonymous: true }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useFeed<T>(handle: string, tab: 'collected' | 'activity', enabled: boolean) {
  return useInfiniteQuery({
    queryKey: tab === 'collected' ? creatorKeys.collected(handle) : creatorKeys.activity(handle),
    queryFn: ({ pageParam, signal }) =>
      api<FeedPage<T>>(path(`/api/creators/${encodeURIComponent(handle)}/${tab}`, pageParam), { signal, anonymous: true }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
