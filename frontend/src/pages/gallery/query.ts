/** The gallery's state that lives in the URL: /gallery?q=<search>&artwork=<id>. */
export interface GalleryQuery {
  q: string;
  artwork: string | null;
}

export function readGalleryQuery(params: URLSearchParams): GalleryQuery {
  return { q: (params.get('q') ?? '').trim(), artwork: params.get('artwork') || null };
}

/** The search params with `patch` applied; an empty search and no artwork leave their parameter out. */
export function withGalleryQuery(params: URLSearchParams, patch: Partial<GalleryQuery>): URLSearchParams {
  const next = new URLSearchParams(params);
  if (patch.q !== undefined) {
    const q = patch.q.trim();
    if (q) next.set('q', q);
    else next.delete('q');
  }
  if (patch.artwork !== undefined) {
    if (patch.artwork) next.set('artwork', patch.artwork);
    else next.delete('artwork');
  }
  return next;
}

export const PAGE_SIZE = 24;

/** One page of the caller's artworks, newest first, filtered on the server. */
export function myArtworksPath(q: string, cursor: string | null, size = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  params.set('size', String(size));
  return `/api/me/artworks?${params}`;
}
