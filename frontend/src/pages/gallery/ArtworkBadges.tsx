import { useTranslation } from 'react-i18next';
import { marketState, type GalleryArtwork, type MarketArtworkPage } from './api';

/** Private / Published, Listed, Minted (or Minting…), Hidden: in words, not colour alone. */
export function ArtworkBadges({ artwork, page, mintSent }: { artwork: GalleryArtwork; page: MarketArtworkPage | undefined; mintSent: boolean }) {
  const { t } = useTranslation();
  const state = marketState(artwork, page, mintSent);
  return (
    <span className="badges" data-testid="badges">
      {artwork.hidden && <span className="badge warn">{t('gallery.badge.hidden')}</span>}
      {state.published ? (
        <span className="badge">{t('gallery.badge.published')}</span>
      ) : (
        <span className="badge muted">{t('gallery.badge.private')}</span>
      )}
      {state.listing && <span className="badge listed">{t('gallery.badge.listed')}</span>}
      {state.minted && <span className="badge minted">{t('gallery.badge.minted')}</span>}
      {state.minting && <span className="badge muted">{t('gallery.badge.minting')}</span>}
    </span>
  );
}
