import { infiniteQueryOptions, useInfiniteQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ListingPage } from '../../api/market';
import { listingsParams, pagePath, readExploreQuery } from './query';

/**
 * The listings of a browse query, one keyset page after another. The key is the API's query string, so a changed
 * filter starts again from the first page and Back finds the earlier pages still in the cache.
 */
function listingsQuery(params: URLSearchParams | null) {
  return infiniteQueryOptions({
    queryKey: ['market', 'listings', params?.toString() ?? ''],
    queryFn: ({ pageParam, signal }) => api<ListingPage>(pagePath(params!, pageParam), { anonymous: true, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: params !== null,
    staleTime: 30_000,
  });
}

export function useListings(params: URLSearchParams | null) {
  return useInfiniteQuery(listingsQuery(params));
}

/**
 * On a first visit to /explore, asks for the first page and the page's code at once, while the app is still
 * starting (the listings are public: no sign-in is needed to read them), instead of one after the other.
 */
export function prefetchExplore(client: QueryClient): void {
  if (window.location.pathname !== '/explore') return;
  const request = listingsParams(readExploreQuery(new URLSearchParams(window.location.search)));
  if ('params' in request) void client.prefetchInfiniteQuery(listingsQuery(request.params));
  void import('./ExplorePage');
}
