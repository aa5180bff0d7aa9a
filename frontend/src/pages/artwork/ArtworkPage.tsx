import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './i18n';
import '../gallery/gallery.css';
import './artwork.css';
import { api } from '../../api/client';
import { useMe } from '../../api/queries';
import type { Artwork } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { ArtworkImage } from '../../components/ArtworkImage';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime, formatNumber } from '../../lib/format';
import { formatEther } from '../../lib/wei';
import { usePageTitle } from '../../lib/usePageTitle';
import { galleryKeys, useArtwork, type MintView } from '../gallery/api';
import { ListingForm } from '../gallery/ListingForm';
import { ActiveListingView, MarketSection } from '../gallery/MarketSection';
import { RecipePanel } from '../gallery/RecipePanel';
import { VerifyPanel } from '../gallery/VerifyPanel';
import { bpsToPercent } from '../gallery/royalty';
import { ActivityTable } from './ActivityTable';
import { BuyDialog } from './BuyDialog';
import { followPurchase, useArtworkPage, type PublicArtwork, type Purchase } from './api';
import { PURCHASE_STEPS } from './quote';
import { AdminControls } from './AdminControls';

/** /artworks/{id}: the artwork, its price and Buy, its recipe, its history, and what its holder and admins may do. */
export default function ArtworkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { authenticated, hasRole } = useAuth();
  const me = useMe();
  const [awaitOwner, setAwaitOwner] = useState<string | null>(null);
  const page = useArtworkPage(id, awaitOwner);
  const artwork = page.data;
  usePageTitle(artwork ? (artwork.title ?? t('artwork.untitled')) : undefined);

  if (page.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (page.error || !artwork) {
    return (
      <section>
        <h1>{t('artwork.notFound')}</h1>
        <ProblemMessage error={page.error} />
      </section>
    );
  }
  const handle = me.data?.handle;
  const isCreator = handle !== undefined && handle === artwork.creator.handle;
  // before the token exists its creator holds the artwork; after, whoever the chain says
  const isHolder = handle !== undefined && (artwork.chain.minted ? artwork.chain.ownerHandle === handle : isCreator);
  return (
    <article className="artwork-page" data-testid="artwork-page">
      <div className="artwork-top">
        <figure className="artwork-figure">
          <ArtworkImage src={artwork.image} alt={artwork.provenance.record.prompt} width={artwork.width} height={artwork.height} />
        </figure>
        <div className="artwork-facts">
          <h1 data-testid="artwork-title">{artwork.title ?? t('artwork.untitled')}</h1>
          {artwork.description && <p className="artwork-description">{artwork.description}</p>}
          <dl className="facts">
            <div>
              <dt>{t('artwork.creator')}</dt>
              <dd>
                <Link to={`/creators/${encodeURIComponent(artwork.creator.handle)}`}>{artwork.creator.displayName}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('artwork.owner')}</dt>
              <dd data-testid="artwork-owner">
                <Owner artwork={artwork} />
              </dd>
            </div>
            <div>
              <dt>{t('artwork.licence')}</dt>
              <dd>{artwork.licence ? t(`artwork.licenceName.${artwork.licence}`) : '—'}</dd>
            </div>
            <div>
              <dt>{t('artwork.royalty')}</dt>
              <dd>{artwork.royaltyBps === null ? '—' : t('artwork.percent', { percent: bpsToPercent(artwork.royaltyBps) })}</dd>
            </div>
            {artwork.publishedAt && (
              <div>
                <dt>{t('artwork.published')}</dt>
                <dd>{formatDateTime(artwork.publishedAt)}</dd>
              </div>
            )}
          </dl>
          <BuySection artwork={artwork} isHolder={isHolder} onSettled={setAwaitOwner} />
          <LikeButton artwork={artwork} authenticated={authenticated} />
          {authenticated && isCreator && isHolder && <CreatorControls artwork={artwork} />}
          {authenticated && isHolder && !isCreator && <HolderControls artwork={artwork} />}
          {authenticated && hasRole('admin') && <AdminControls artworkId={artwork.id} />}
        </div>
      </div>
      <div className="artwork-lower">
        <div>
          <RecipePanel artwork={recipeOf(artwork)} strength={artwork.provenance.record.strength} />
          {artwork.chain.contract && (
            <dl className="recipe-values recipe-hashes">
              <div className="recipe-value wide">
                <dt>{t('artwork.contract')}</dt>
                <dd data-testid="artwork-contract">
                  <code>{artwork.chain.contract}</code>
                </dd>
              </div>
            </dl>
          )}
          <p>
            <Link className="button" to={`/studio?recipe=${encodeURIComponent(artwork.id)}&mode=remix`}>
              {t('artwork.remix')}
            </Link>
          </p>
        </div>
        <div>{authenticated ? <VerifyPanel artworkId={artwork.id} /> : <p className="hint">{t('artwork.verifySignIn')}</p>}</div>
      </div>
      <ActivityTable history={artwork.history} />
    </article>
  );
}

/** The recipe panel reads the private artwork shape; the public page carries the same recipe in its provenance. */
function recipeOf(artwork: PublicArtwork): Artwork {
  const record = artwork.provenance.record;
  return {
    id: artwork.id,
    jobId: '',
    imageIndex: 0,
    creatorId: '',
    parentId: record.parentArtworkId,
    model: record.modelId,
    seed: record.seed,
    width: record.width,
    height: record.height,
    imageSha256: record.imageSha256,
    provenanceHash: artwork.provenance.hash,
    published: artwork.published,
    hidden: false,
    createdAt: artwork.createdAt,
    image: artwork.image,
    thumbnail: artwork.thumbnail,
    prompt: record.prompt,
    negativePrompt: record.negativePrompt,
    steps: record.steps,
    guidance: record.guidance,
    scheduler: record.scheduler,
    modelSha256: record.modelSha256,
    tokenId: artwork.chain.tokenId,
  };
}

function Owner({ artwork }: { artwork: PublicArtwork }) {
  const { t } = useTranslation();
  const { chain } = artwork;
  if (!chain.minted) return <>{t('artwork.notMinted', { name: artwork.creator.displayName })}</>;
  if (chain.ownerHandle) {
    return <Link to={`/creators/${encodeURIComponent(chain.ownerHandle)}`}>{chain.ownerHandle}</Link>;
  }
  return <code title={chain.owner ?? ''}>{chain.owner}</code>;
}

interface Following {
  purchase: Purchase;
  confirmedAt: number;
  shownAt: Partial<Record<Purchase['status'], number>>;
}

/** The price and Buy; after Buy, the purchase's progress from its event stream until it settles or fails. */
function BuySection({ artwork, isHolder, onSettled }: { artwork: PublicArtwork; isHolder: boolean; onSettled: (owner: string) => void }) {
  const { t } = useTranslation();
  const { authenticated, signIn } = useAuth();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [following, setFollowing] = useState<Following | null>(null);
  const [streamError, setStreamError] = useState<unknown>(null);
  const stop = useRef<(() => void) | null>(null);
  const buyButton = useRef<HTMLButtonElement>(null);
  const listing = artwork.listing;

  useEffect(() => () => stop.current?.(), []);

  const update = useCallback(
    (purchase: Purchase) => {
      setFollowing((current) =>
        current && current.purchase.id === purchase.id
          ? { ...current, purchase, shownAt: { ...current.shownAt, [purchase.status]: performance.now() } }
          : current,
      );
      if (purchase.status === 'SETTLED') {
        onSettled(purchase.buyerAddress);
        void client.invalidateQueries({ queryKey: ['market'] });
        void client.invalidateQueries({ queryKey: ['me'] });
      }
      if (purchase.status === 'FAILED') void client.invalidateQueries({ queryKey: galleryKeys.page(artwork.id) });
    },
    [client, onSettled, artwork.id],
  );

  const purchased = (purchase: Purchase, confirmedAt: number) => {
    setOpen(false);
    setStreamError(null);
    setFollowing({ purchase, confirmedAt, shownAt: { [purchase.status]: performance.now() } });
    stop.current?.();
    stop.current = followPurchase(purchase.id, update, setStreamError);
  };

  const status = following?.purchase.status;
  return (
    <section className="buy" aria-labelledby="buy-section-title">
      <h2 id="buy-section-title" className="visually-hidden">
        {t('artwork.buy.section')}
      </h2>
      {listing ? (
        <p className="artwork-price">
          <span className="price" data-testid="artwork-price">
            {t('common.eth', { amount: formatEther(listing.priceWei) })}
          </span>{' '}
          <span className="hint">{t('artwork.kind.' + listing.kind)}</span>
        </p>
      ) : (
        <p className="hint" data-testid="not-for-sale">
          {t('artwork.notForSale')}
        </p>
      )}
      {listing && !isHolder && (status === undefined || status === 'SETTLED' || status === 'FAILED') &&
        (authenticated ? (
          <button type="button" ref={buyButton} className="primary buy-button" onClick={() => setOpen(true)}>
            {t('artwork.buy.button')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => signIn()}>
            {t('artwork.buy.signIn')}
          </button>
        ))}
      {listing && (
        <BuyDialog
          artwork={artwork}
          listing={listing}
          open={open}
          onClose={() => {
            setOpen(false);
            buyButton.current?.focus();
          }}
          onPurchased={purchased}
        />
      )}
      {following && (
        <div className="purchase-progress" data-testid="purchase-progress" data-confirmed-at={following.confirmedAt} data-settled-at={following.shownAt.SETTLED}>
          <ol className="steps">
            {PURCHASE_STEPS.map((step) => {
              const reached = following.shownAt[step] !== undefined || (step !== 'SETTLED' && status === 'SETTLED');
              return (
                <li key={step} className={reached ? 'reached' : undefined} aria-current={status === step ? 'step' : undefined}>
                  {t(`artwork.purchase.step.${step}`)}
                </li>
              );
            })}
          </ol>
          <p role="status" data-testid="purchase-status" data-status={status}>
            {t(`artwork.purchase.status.${status}`)}
          </p>
          {status === 'FAILED' && following.purchase.failureReason && <p className="problem">{following.purchase.failureReason}</p>}
          {following.purchase.txHash && (
            <p className="hint">
              {t('artwork.purchase.tx')} <code>{following.purchase.txHash}</code>
            </p>
          )}
          <ProblemMessage error={streamError} />
        </div>
      )}
    </section>
  );
}

function LikeButton({ artwork, authenticated }: { artwork: PublicArtwork; authenticated: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const like = useMutation({
    mutationFn: (liked: boolean) =>
      api<{ liked: boolean; likes: number }>(`/api/artworks/${encodeURIComponent(artwork.id)}/like`, { method: liked ? 'POST' : 'DELETE' }),
    onSuccess: (state) =>
      client.setQueryData<PublicArtwork>(galleryKeys.page(artwork.id), (page) =>
        page ? { ...page, likes: state.likes, likedByMe: state.liked } : page,
      ),
  });
  const count = t('artwork.likes', { count: artwork.likes, formatted: formatNumber(artwork.likes) });
  if (!authenticated || !artwork.published) return <p className="likes" data-testid="likes">♥ {count}</p>;
  const liked = artwork.likedByMe === true;
  return (
    <div className="likes">
      <button type="button" aria-pressed={liked} onClick={() => like.mutate(!liked)} disabled={like.isPending} data-testid="like">
        <span aria-hidden="true">{liked ? '♥' : '♡'}</span> {liked ? t('artwork.liked') : t('artwork.like')}
      </button>{' '}
      <span data-testid="likes">{count}</span>
      <ProblemMessage error={like.error} />
    </div>
  );
}

/** The creator's controls are the gallery's: publish, edit, unpublish, list, reprice, withdraw, mint. */
function CreatorControls({ artwork }: { artwork: PublicArtwork }) {
  const { t } = useTranslation();
  const own = useArtwork(artwork.id, undefined);
  const [mint, setMint] = useState<MintView | null>(null);
  if (!own.data) return own.error ? <ProblemMessage error={own.error} /> : <p className="loading">{t('common.loading')}</p>;
  return (
    <div className="holder" data-testid="holder-controls">
      <MarketSection artwork={own.data} page={artwork} mint={mint} onMint={setMint} />
    </div>
  );
}

/** A collector who holds the token may list it, reprice or withdraw the listing. */
function HolderControls({ artwork }: { artwork: PublicArtwork }) {
  const { t } = useTranslation();
  const royaltyBps = artwork.royaltyBps ?? 0;
  return (
    <section className="holder market" aria-labelledby="holder-title" data-testid="holder-controls">
      <h3 id="holder-title">{t('artwork.holder.title')}</h3>
      <div className="market-block">
        {artwork.listing ? (
          <ActiveListingView artworkId={artwork.id} listing={artwork.listing} royaltyBps={royaltyBps} lazyMint={false} creatorSells={false} />
        ) : (
          <ListingForm key={artwork.id} artworkId={artwork.id} royaltyBps={royaltyBps} lazyMint={false} creatorSells={false} />
        )}
      </div>
    </section>
  );
}
