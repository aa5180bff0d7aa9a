import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Artwork } from '../../api/types';

/** One of the caller's artworks, shared by the variation panel and the results' parent links. */
export function useArtwork(id: string | null | undefined) {
  return useQuery({
    queryKey: ['artworks', id],
    queryFn: ({ signal }) => api<Artwork>(`/api/artworks/${encodeURIComponent(id!)}`, { signal }),
    enabled: Boolean(id),
    staleTime: 300_000,
  });
}

/** How an artwork is named in a link: its title, else the start of its prompt, else the start of its id. */
export function artworkName(artwork: Artwork | undefined, id: string): string {
  const text = artwork?.title?.trim() || artwork?.prompt?.trim();
  if (!text) return id.substring(0, 8);
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > 40 ? chars.slice(0, 39).join('') + '…' : chars.join('');
}
