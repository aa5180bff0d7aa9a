import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListingCard as Card } from '../api/market';
import { formatEther } from '../lib/wei';
import { formatNumber } from '../lib/format';

/**
 * One listing in a grid: the lazy thumbnail and title link to the artwork's page, the creator to their profile;
 * the price is exact ETH from wei.
 */
export function ListingCard({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="listing-card">
      <Link to={`/artworks/${card.artworkId}`} className="card-link">
        <img src={card.thumbnail} alt={card.title} loading="lazy" decoding="async" width="256" height="256" />
        <strong className="card-title">{card.title}</strong>
      </Link>
      <div className="card-body">
        <Link to={`/creators/${encodeURIComponent(card.creator.handle)}`} className="card-creator">
          {card.creator.displayName}
        </Link>
        <span className="price">{t('common.eth', { amount: formatEther(card.priceWei) })}</span>
        <span className="card-facts">
          <span aria-label={t('home.likes', { count: card.likes })}>♥ {formatNumber(card.likes)}</span>
          {card.minted && <span className="badge">{t('home.minted')}</span>}
        </span>
      </div>
    </li>
  );
}
