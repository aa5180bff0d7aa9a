import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ListingPage } from '../../api/market';
import { pagePath } from './query';

/**
 * The listings of a browse query, one keyset page after another. The key is the API's query string, so a changed
 * filter starts again from the first page and Back finds the earlier pages still in the cache.
 */
export function useListings(params: URLSearchParams | null) {
  const key = params?.toString() ?? '';
  return useInfiniteQuery({
    queryKey: ['market', 'listings', key],
    queryFn: ({ pageParam, signal }) => api<ListingPage>(pagePath(params!, pageParam), { anonymous: true, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: params !== null,
    staleTime: 30_000,
  });
}
