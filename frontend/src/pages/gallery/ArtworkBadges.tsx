import { useTranslation } from 'react-i18next';
import type { Artwork } from '../../api/types';
import { marketState, type MarketArtworkPage } from './api';

/** Private / Published, Listed, Minted (or Minting…), Hidden: in words, not colour alone. */
interface Props {
  artwork: Artwork;
  page: MarketArtworkPage | undefined;
  mintSent: boolean;
  listedOnMarket?: boolean;
}

export function ArtworkBadges({ artwork, page, mintSent, listedOnMarket }: Props) {
  const { t } = useTranslation();
  const state = marketState(artwork, page, mintSent, listedOnMarket);
  return (
    <span className="badges" data-testid="badges">
      {artwork.hidden && <span className="badge warn">{t('gallery.badge.hidden')}</span>}
      {state.published ? (
        <span className="badge">{t('gallery.badge.published')}</span>
      ) : (
        <span className="badge muted">{t('gallery.badge.private')}</span>
      )}
      {state.listed && <span className="badge listed">{t('gallery.badge.listed')}</span>}
      {state.minted && <span className="badge minted">{t('gallery.badge.minted')}</span>}
      {state.minting && <span className="badge muted">{t('gallery.badge.minting')}</span>}
    </span>
  );
}
