import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ListingPage } from '../api/market';
import { ListingCard } from '../components/ListingCard';
import { usePageTitle } from '../lib/usePageTitle';
import { ProblemMessage } from '../components/ProblemMessage';

/** The public front page: the newest listings on the market, and the way to browse and search them all (/explore). */
export default function Home() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const listings = useQuery({
    queryKey: ['market', 'newest'],
    queryFn: () => api<ListingPage>('/api/market/listings?sort=newest&limit=24', { anonymous: true }),
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
      <div className="home-newest">
        <h2>{t('home.newest')}</h2>
        <Link to="/explore">{t('home.browseAll')}</Link>
      </div>
      <ProblemMessage error={listings.error} />
      {listings.data && listings.data.items.length === 0 && <p className="empty">{t('home.empty')}</p>}
      <ul className="card-grid">
        {listings.data?.items.map((card) => (
          <ListingCard key={card.listingId} card={card} />
        ))}
      </ul>
    </section>
  );
}
