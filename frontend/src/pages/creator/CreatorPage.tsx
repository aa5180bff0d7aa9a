import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './i18n';
import './creator.css';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { keys, useMe } from '../../api/queries';
import type { Me } from '../../api/types';
import { ArtworkTile } from '../../components/ArtworkTile';
import { ListingCard } from '../../components/ListingCard';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate, formatDateTime, formatNumber, shortForm } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatEther } from '../../lib/wei';
import NotFound from '../NotFound';
import { creatorKeys, useFeed, useProfile, type CollectedToken, type CreatorEvent, type CreatorProfile } from './api';
import { AddressLabel } from './AddressLabel';

const TABS = ['created', 'collected', 'activity'] as const;
type Tab = (typeof TABS)[number];
const BIO_LIMIT = 500;

/** /creators/{handle}: who the creator is, and tabs for what they made, what they hold and what happened. */
export default function CreatorPage() {
  const { t } = useTranslation();
  const handle = useParams().handle ?? '';
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'created';
  const profile = useProfile(handle);
  const me = useMe();
  const first = profile.data?.pages[0];
  usePageTitle(first?.displayName);

  if (profile.error instanceof ApiProblem && profile.error.status === 404) return <NotFound />;
  if (profile.error) return <ProblemMessage error={profile.error} />;
  if (!first) return <p className="loading">{t('common.loading')}</p>;

  const select = (next: Tab) => setParams(next === 'created' ? {} : { tab: next }, { replace: true });
  return (
    <div className="creator-page">
      <header className="creator-head">
        <h1>{first.displayName}</h1>
        <p className="creator-handle">@{first.handle}</p>
        <p className="creator-joined">{t('creator.joined', { date: formatDate(first.joinedAt) })}</p>
        <dl className="creator-counts">
          <div>
            <dt>{t('creator.counts.published')}</dt>
            <dd>{formatNumber(first.counts.published)}</dd>
          </div>
          <div>
            <dt>{t('creator.counts.sold')}</dt>
            <dd>{formatNumber(first.counts.sold)}</dd>
          </div>
        </dl>
        <Bio profile={first} own={me.data?.handle === first.handle} />
      </header>
      <div role="tablist" aria-label={t('creator.tabs.label')} className="tabs">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={(event) => {
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length];
              select(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(`creator.tabs.${name}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {tab === 'created' && <Created profile={profile} />}
        {tab === 'collected' && <Collected handle={handle} />}
        {tab === 'activity' && <Activity handle={handle} />}
      </section>
    </div>
  );
}

function Bio({ profile, own }: { profile: CreatorProfile; own: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (bio: string) => api<Me>('/api/me', { method: 'PATCH', body: { bio } }),
    onSuccess: (me) => {
      client.setQueryData(keys.me, me);
      setDraft(null);
      return client.invalidateQueries({ queryKey: creatorKeys.profile(profile.handle) });
    },
  });
  if (draft === null) {
    return (
      <div className="creator-bio">
        {profile.bio ? <p data-testid="bio">{profile.bio}</p> : <p className="hint">{t('creator.bio.none')}</p>}
        {own && (
          <button type="button" onClick={() => setDraft(profile.bio ?? '')}>
            {t('creator.bio.edit')}
          </button>
        )}
        {save.isSuccess && (
          <p role="status" className="hint">
            {t('creator.bio.saved')}
          </p>
        )}
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <form className="creator-bio" onSubmit={submit}>
      <label className="field">
        <span>{t('creator.bio.label')}</span>
        <textarea value={draft} maxLength={BIO_LIMIT} rows={4} onChange={(event) => setDraft(event.target.value)} aria-describedby="bio-hint" />
      </label>
      <p id="bio-hint" className="hint">
        {t('creator.bio.hint', { count: BIO_LIMIT - draft.length, formatted: formatNumber(BIO_LIMIT - draft.length) })}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('creator.bio.saving') : t('creator.bio.save')}
        </button>
        <button type="button" onClick={() => setDraft(null)}>
          {t('creator.bio.cancel')}
        </button>
      </div>
      <ProblemMessage error={save.error} />
    </form>
  );
}

function More({ hasNext, fetching, onMore }: { hasNext: boolean; fetching: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  if (!hasNext) return null;
  return (
    <p className="more">
      <button type="button" onClick={onMore} disabled={fetching}>
        {fetching ? t('creator.loadingMore') : t('creator.loadMore')}
      </button>
    </p>
  );
}

function Created({ profile }: { profile: ReturnType<typeof useProfile> }) {
  const { t } = useTranslation();
  const pages = profile.data?.pages ?? [];
  const creator = { handle: pages[0]?.handle ?? '', displayName: pages[0]?.displayName ?? '' };
  const works = pages.flatMap((page) => page.works);
  if (works.length === 0) return <p className="empty">{t('creator.empty.created')}</p>;
  return (
    <>
      <ul className="card-grid">
        {works.map((work) =>
          work.priceWei !== null ? (
            <ListingCard
              key={work.artworkId}
              card={{
                listingId: work.artworkId,
                artworkId: work.artworkId,
                title: work.title,
                creator,
                model: '',
                priceWei: work.priceWei,
                minted: work.minted,
                likes: work.likes,
                thumbnail: work.thumbnail,
                image: work.thumbnail,
                listedAt: work.publishedAt,
              }}
            />
          ) : (
            <ArtworkTile key={work.artworkId} artworkId={work.artworkId} title={work.title} thumbnail={work.thumbnail}>
              <span className="hint">{t('creator.notForSale')}</span>
              <span className="card-facts">
                <span aria-label={t('home.likes', { count: work.likes })}>♥ {formatNumber(work.likes)}</span>
                {work.minted && <span className="badge">{t('home.minted')}</span>}
              </span>
            </ArtworkTile>
          ),
        )}
      </ul>
      <More hasNext={profile.hasNextPage} fetching={profile.isFetchingNextPage} onMore={() => void profile.fetchNextPage()} />
    </>
  );
}

function Collected({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const feed = useFeed<CollectedToken>(handle, 'collected', true);
  if (feed.error) return <ProblemMessage error={feed.error} />;
  if (!feed.data) return <p className="loading">{t('common.loading')}</p>;
  const tokens = feed.data.pages.flatMap((page) => page.items);
  if (tokens.length === 0) return <p className="empty">{t('creator.empty.collected')}</p>;
  return (
    <>
      <ul className="card-grid">
        {tokens.map((token) => (
          <ArtworkTile key={token.artworkId} artworkId={token.artworkId} title={token.title} thumbnail={token.thumbnail}>
            <Link to={`/creators/${encodeURIComponent(token.creator.handle)}`} className="card-creator">
              {token.creator.displayName}
            </Link>
            {token.priceWei !== null && <span className="price">{t('common.eth', { amount: formatEther(token.priceWei) })}</span>}
          </ArtworkTile>
        ))}
      </ul>
      <More hasNext={feed.hasNextPage} fetching={feed.isFetchingNextPage} onMore={() => void feed.fetchNextPage()} />
    </>
  );
}

function Activity({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const feed = useFeed<CreatorEvent>(handle, 'activity', true);
  if (feed.error) return <ProblemMessage error={feed.error} />;
  if (!feed.data) return <p className="loading">{t('common.loading')}</p>;
  const events = feed.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <p className="empty">{t('creator.empty.activity')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="activity" data-testid="creator-activity">
          <caption className="visually-hidden">{t('creator.activity.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('creator.activity.event')}</th>
              <th scope="col">{t('creator.activity.artwork')}</th>
              <th scope="col">{t('creator.activity.price')}</th>
              <th scope="col">{t('creator.activity.from')}</th>
              <th scope="col">{t('creator.activity.to')}</th>
              <th scope="col">{t('creator.activity.date')}</th>
              <th scope="col">{t('creator.activity.tx')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => (
              <tr key={`${event.txHash ?? ''}-${event.kind}-${event.at}-${index}`}>
                <td>{t(`creator.kind.${event.kind}`, { defaultValue: event.kind })}</td>
                <td>
                  <Link to={`/artworks/${event.artworkId}`}>{event.title}</Link>
                </td>
                <td>{event.priceWei !== null ? t('common.eth', { amount: formatEther(event.priceWei) }) : ''}</td>
                <td>
                  <AddressLabel address={event.from} handle={event.fromHandle ?? (event.to || event.from ? null : event.actor)} />
                </td>
                <td>
                  <AddressLabel address={event.to} handle={event.toHandle} />
                </td>
                <td>{formatDateTime(event.at)}</td>
                <td>{event.txHash ? <code title={event.txHash}>{shortForm(event.txHash)}</code> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More hasNext={feed.hasNextPage} fetching={feed.isFetchingNextPage} onMore={() => void feed.fetchNextPage()} />
    </>
  );
}

/** 0x1234…abcd: enough of a hash or address to tell it apart, the whole in its title. */
