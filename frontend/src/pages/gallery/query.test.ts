import { describe, expect, it } from 'vitest';
import { myArtworksPath, readGalleryQuery, withGalleryQuery } from './query';

describe('gallery URL state', () => {
  it('reads the search and the open artwork from the URL', () => {
    expect(readGalleryQuery(new URLSearchParams('q=%E5%9C%86%E5%BD%A2&artwork=a1'))).toEqual({ q: '圆形', artwork: 'a1' });
    expect(readGalleryQuery(new URLSearchParams(''))).toEqual({ q: '', artwork: null });
    expect(readGalleryQuery(new URLSearchParams('q=++circle+&artwork='))).toEqual({ q: 'circle', artwork: null });
  });

  it('writes only what is set, keeping the other parameters', () => {
    const start = new URLSearchParams('q=circle&artwork=a1');
    expect(withGalleryQuery(start, { artwork: null }).toString()).toBe('q=circle');
    expect(withGalleryQuery(start, { q: '  ' }).toString()).toBe('artwork=a1');
    expect(withGalleryQuery(new URLSearchParams(), { q: ' red circle ' }).toString()).toBe('q=red+circle');
    expect(withGalleryQuery(new URLSearchParams('q=x'), { artwork: 'b2' }).toString()).toBe('q=x&artwork=b2');
    expect(start.toString()).toBe('q=circle&artwork=a1');
  });

  it('asks the API for one page with the search and the cursor', () => {
    expect(myArtworksPath('', null)).toBe('/api/me/artworks?size=24');
    expect(myArtworksPath('红色 circle', 'abc=', 10)).toBe('/api/me/artworks?q=%E7%BA%A2%E8%89%B2+circle&cursor=abc%3D&size=10');
  });
});
