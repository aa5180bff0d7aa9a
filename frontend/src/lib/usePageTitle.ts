import { useEffect } from 'react';

/** Sets the tab title to "<title> · ArtMint" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · ArtMint`;
  }, [title]);
}
