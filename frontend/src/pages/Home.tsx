import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { formatEther } from '../lib/wei';
import { formatNumber } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';
import { ProblemMessage } from '../components/ProblemMessage';

interface ListingCard {
  listingId: string;
  artworkId: string;
  title: string;
  creator: { handle: string; displayName: string };
  model: string;
  priceWei: string;
  minted: boolean;
  likes: number;
  thumbnail: string;
}

/** The public front page: the newest listings on the market. */
export default function Home() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const listings = useQuery({
    queryKey: ['market', 'newest'],
    queryFn: () => api<{ items: ListingCard[] }>('/api/market/listings?sort=newest&limit=24', { anonymous: true }),
  });
  return (
    <section>
      <div className="hero">
        <h1>{t('home.headline')}</h1>
        <p>{t('home.tagline')}</p>
        <Link className="button primary" to="/studio">
          {t('home.cta')}
        </Link>
      </div>
      <h2>{t('home.newest')}</h2>
      <ProblemMessage error={listings.error} />
      {listings.data && listings.data.items.length === 0 && <p className="empty">{t('home.empty')}</p>}
      <ul className="card-grid">
        {listings.data?.items.map((card) => (
          <li key={card.listingId} className="card">
            <img src={card.thumbnail} alt={card.title} loading="lazy" width="256" height="256" />
            <div className="card-body">
              <strong>{card.title}</strong>
              <span>{card.creator.displayName}</span>
              <span className="price">{t('common.eth', { amount: formatEther(card.priceWei) })}</span>
              <span aria-label={t('home.likes', { count: card.likes })}>♥ {formatNumber(card.likes)}</span>
              {card.minted && <span className="badge">{t('home.minted')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
