import { memo, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListingCard as Card } from '../../api/market';
import { ListingCard } from '../../components/ListingCard';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatNumber } from '../../lib/format';
import { ExploreFilters } from './ExploreFilters';
import { ExploreRefusal } from './ExploreRefusal';
import { EMPTY_QUERY, exploreSearchParams, isFiltered, listingsParams, readExploreQuery, type ExploreQuery } from './query';
import { useListings } from './useListings';
import './i18n';
import './explore.css';

/**
 * Browse the market: every active listing as a card, searched, filtered and ordered on the server. The whole
 * query is the URL's, so a search can be shared and Back returns to the previous one; the next keyset page loads
 * when the end of the grid scrolls near, or from the Load more button.
 */
export default function ExplorePage() {
  const { t } = useTranslation();
  usePageTitle(t('explore.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => readExploreQuery(searchParams), [searchParams]);
  const request = useMemo(() => listingsParams(query), [query]);
  const listings = useListings('params' in request ? request.params : null);
  const apply = (next: ExploreQuery) => setSearchParams(exploreSearchParams(next));
  const cards = useMemo(() => listings.data?.pages.flatMap((page) => page.items) ?? [], [listings.data]);
  const seenModels = useMemo(() => [...new Set(cards.map((card) => card.model))], [cards]);
  const sentinel = useNextPageOnScroll(listings, listings.data?.pages.length ?? 0);

  return (
    <section className="explore">
      <h1>{t('explore.heading')}</h1>
      <ExploreFilters query={query} problems={'problems' in request ? request.problems : {}} seenModels={seenModels} onApply={apply} />
      <ExploreRefusal error={listings.error && !listings.data ? listings.error : null} />
      <p role="status" className="explore-status">
        {listings.isPending && 'params' in request
          ? t('explore.loading')
          : listings.data && t('explore.shown', { count: cards.length, formatted: formatNumber(cards.length) })}
      </p>
      {listings.data && cards.length === 0 && (
        <div className="explore-empty">
          <h2>{isFiltered(query) ? t('explore.emptyFiltered') : t('explore.emptyMarket')}</h2>
          {isFiltered(query) && (
            <button type="button" onClick={() => apply({ ...EMPTY_QUERY, sort: query.sort })}>
              {t('explore.clear')}
            </button>
          )}
        </div>
      )}
      <ul className="card-grid" aria-label={t('explore.results')}>
        {listings.data?.pages.map((page, index) => <CardPage key={index} items={page.items} />)}
      </ul>
      <div ref={sentinel} className="explore-more">
        {listings.isFetchNextPageError && <ExploreRefusal error={listings.error} />}
        {listings.hasNextPage && (
          <button type="button" onClick={() => void listings.fetchNextPage()} disabled={listings.isFetchingNextPage}>
            {listings.isFetchingNextPage ? t('explore.loadingMore') : t('explore.loadMore')}
          </button>
        )}
        {listings.data && !listings.hasNextPage && cards.length > 0 && <p className="hint">{t('explore.end')}</p>}
      </div>
    </section>
  );
}

/** One page of cards; a page already shown is not rendered again when the next one arrives. */
const CardPage = memo(function CardPage({ items }: { items: Card[] }) {
  return items.map((card) => <ListingCard key={card.listingId} card={card} />);
});

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * A ref for the element after the grid: when it comes within a screen of the viewport, the next page is fetched.
 * The observer starts again after each page, so a screen tall enough to show the end at once keeps filling.
 */
function useNextPageOnScroll(pager: Pager, pages: number) {
  const element = useRef<HTMLDivElement>(null);
  const latest = useRef(pager);
  latest.current = pager;
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = latest.current;
        // after a failed page the button retries; scrolling alone does not hammer the API
        if (entries.some((entry) => entry.isIntersecting) && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) {
          void fetchNextPage();
        }
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [pages, pager.hasNextPage]);
  return element;
}
