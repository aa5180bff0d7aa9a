import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../components/RequireRole';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useAuth } from '../../auth/useAuth';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useMyArtworks, type MintView } from './api';
import { ArtworkCard } from './ArtworkCard';
import { ArtworkDetail } from './ArtworkDetail';
import { readGalleryQuery, withGalleryQuery } from './query';
import { SearchBox } from './SearchBox';
import './i18n';
import './gallery.css';

export default function GalleryPage() {
  return (
    <RequireRole>
      <Gallery />
    </RequireRole>
  );
}

/** The signed-in user's artworks, newest first, searched on the server, with the detail panel over them. */
function Gallery() {
  const { t } = useTranslation();
  usePageTitle(t('gallery.title'));
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { q, artwork } = readGalleryQuery(params);
  const artworks = useMyArtworks(q);
  const items = useMemo(() => artworks.data?.pages.flatMap((page) => page.items) ?? [], [artworks.data]);
  const total = artworks.data?.pages[0]?.total;
  const [mints, setMints] = useState<Record<string, MintView>>({});
  const lastOpened = useRef<string | null>(null);
  const focusFrom = useRef<number | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const opened = (location.state as { galleryOpened?: boolean } | null)?.galleryOpened === true;

  const search = useCallback(
    (text: string) => setParams((current) => withGalleryQuery(current, { q: text })),
    [setParams],
  );

  const linkTo = (id: string) => `?${withGalleryQuery(params, { artwork: id })}`;

  const select = (id: string) => setParams(withGalleryQuery(params, { artwork: id }), { replace: true, state: location.state });

  const close = () => {
    if (!artwork) return;
    if (opened) navigate(-1);
    else setParams(withGalleryQuery(params, { artwork: null }), { replace: true });
  };

  useEffect(() => {
    if (artwork) {
      lastOpened.current = artwork;
      return;
    }
    // the panel closed: back to the card it showed last
    if (lastOpened.current) {
      document.querySelector<HTMLElement>(`[data-artwork-link="${CSS.escape(lastOpened.current)}"]`)?.focus();
    }
    lastOpened.current = null;
  }, [artwork]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = artworks;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || isFetchingNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: '600px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    // "Load more" by keyboard: focus goes to the first of the new cards
    if (focusFrom.current === null || isFetchingNextPage) return;
    const links = document.querySelectorAll<HTMLElement>('[data-artwork-link]');
    links[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [items.length, isFetchingNextPage]);

  const loadMore = () => {
    focusFrom.current = items.length;
    void fetchNextPage();
  };

  const settled = artworks.isSuccess && !artworks.isPlaceholderData;
  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <div className="gallery-head">
        <div>
          <h1 id="gallery-title">{t('gallery.title')}</h1>
          <p className="hint">{t('gallery.intro')}</p>
        </div>
        <SearchBox value={q} onSearch={search} />
      </div>
      <ProblemMessage error={artworks.error} />
      <p role="status" className="hint gallery-count">
        {settled && items.length > 0
          ? total !== undefined
            ? t('gallery.shown', { count: total, formatted: formatNumber(total), shown: formatNumber(items.length) })
            : t('gallery.loaded', { count: items.length, formatted: formatNumber(items.length) })
          : ''}
      </p>
      {settled && items.length === 0 && !q && (
        <div className="gallery-empty">
          <h2>{t('gallery.empty.title')}</h2>
          <p>{t('gallery.empty.body')}</p>
          {hasRole('creator') && (
            <Link className="button primary" to="/studio">
              {t('gallery.empty.cta')}
            </Link>
          )}
        </div>
      )}
      {settled && items.length === 0 && q && (
        <div className="gallery-empty">
          <h2>{t('gallery.noMatch.title', { q })}</h2>
          <p>{t('gallery.noMatch.body')}</p>
          <button type="button" onClick={() => search('')}>
            {t('gallery.noMatch.clear')}
          </button>
        </div>
      )}
      {artworks.isPending && <p className="loading">{t('common.loading')}</p>}
      <ul className="card-grid gallery-grid" aria-busy={artworks.isPlaceholderData || undefined} data-testid="gallery-grid">
        {items.map((item) => (
          <ArtworkCard key={item.id} artwork={item} to={linkTo(item.id)} mintSent={mints[item.id] !== undefined} />
        ))}
      </ul>
      <div ref={sentinel} className="gallery-more">
        {hasNextPage && (
          <button type="button" onClick={loadMore} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? t('gallery.loadingMore') : t('gallery.loadMore')}
          </button>
        )}
        {settled && !hasNextPage && items.length > 0 && artworks.data.pages.length > 1 && <p className="hint">{t('gallery.end')}</p>}
      </div>
      <ArtworkDetail
        id={artwork}
        items={items}
        mints={mints}
        onMint={(id, sent) => setMints((current) => ({ ...current, [id]: sent }))}
        onSelect={select}
        onClose={close}
      />
    </section>
  );
}
