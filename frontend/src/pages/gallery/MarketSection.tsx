import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatEther } from '../../lib/wei';
import type { Artwork } from '../../api/types';
import { marketState, useInvalidateArtwork, useWallet, type MarketArtworkPage, type MintView } from './api';
import { ListingForm } from './ListingForm';
import { PublishForm } from './PublishForm';
import { Refusal } from './Refusal';
import { bpsToPercent } from './royalty';

interface Props {
  artwork: Artwork;
  page: MarketArtworkPage | undefined;
  /** A mint sent from this panel that the chain has not confirmed yet. */
  mint: MintView | null;
  onMint: (mint: MintView) => void;
}

/** Publish or unpublish, list for sale (reprice, withdraw) and mint, each refusal next to what was refused. */
export function MarketSection({ artwork, page, mint, onMint }: Props) {
  const { t } = useTranslation();
  const { minted } = marketState(artwork, page, mint !== null);
  const listing = page?.listing ?? null;
  const royaltyBps = page?.royaltyBps ?? artwork.royaltyBps ?? 0;
  return (
    <section className="market" aria-labelledby="market-title">
      <h3 id="market-title">{t('gallery.market.title')}</h3>
      <Publication artwork={artwork} royaltyLocked={minted} />
      {artwork.published && page === undefined && <p className="loading">{t('common.loading')}</p>}
      {artwork.published && page !== undefined && (
        <>
          <div className="market-block">
            <h4>{t('gallery.list.title')}</h4>
            {listing ? (
              <ActiveListingView artworkId={artwork.id} listing={listing} royaltyBps={royaltyBps} lazyMint={!minted} />
            ) : (
              <ListingForm key={artwork.id} artworkId={artwork.id} royaltyBps={royaltyBps} lazyMint={!minted} />
            )}
          </div>
          <div className="market-block">
            <h4>{t('gallery.mint.title')}</h4>
            {minted ? (
              <p className="ok-text" role="status" data-testid="minted">
                <span aria-hidden="true">✓</span> {t('gallery.mint.minted', { tokenId: page?.chain?.tokenId ?? artwork.tokenId })}
              </p>
            ) : mint ? (
              <div role="status" data-testid="mint-pending">
                <p>{t('gallery.mint.sent')}</p>
                {mint.transaction.hash && (
                  <p className="hint">
                    {t('gallery.mint.transaction')} <code>{mint.transaction.hash}</code>
                  </p>
                )}
              </div>
            ) : listing?.kind === 'LAZY_MINT' ? (
              <p className="hint">{t('gallery.mint.lazyListed')}</p>
            ) : (
              <MintAction artwork={artwork} royaltyBps={royaltyBps} onMint={onMint} />
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Publication({ artwork, royaltyLocked }: { artwork: Artwork; royaltyLocked: boolean }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateArtwork();
  const [editing, setEditing] = useState(false);
  const unpublish = useMutation({
    mutationFn: () => api(`/api/artworks/${encodeURIComponent(artwork.id)}/unpublish`, { method: 'POST' }),
    onSuccess: () => invalidate(artwork.id),
  });
  if (!artwork.published) {
    return (
      <div className="market-block">
        <h4>{t('gallery.publish.title')}</h4>
        <PublishForm key={artwork.id} artwork={artwork} royaltyLocked={royaltyLocked} />
      </div>
    );
  }
  if (editing) {
    return (
      <div className="market-block">
        <h4>{t('gallery.publish.editTitle')}</h4>
        <PublishForm artwork={artwork} royaltyLocked={royaltyLocked} onDone={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div className="market-block">
      <p className="ok-text" data-testid="published">
        <span aria-hidden="true">✓</span> {t('gallery.publish.publishedAs', { title: artwork.title ?? '' })}
      </p>
      <p className="hint">
        {t('gallery.publish.terms', {
          licence: t(`gallery.publish.licence${artwork.licence ?? 'PERSONAL'}`),
          percent: bpsToPercent(artwork.royaltyBps ?? 0),
        })}
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => setEditing(true)}>
          {t('gallery.publish.edit')}
        </button>
        <button type="button" className="danger" onClick={() => unpublish.mutate()} disabled={unpublish.isPending}>
          {unpublish.isPending ? t('gallery.publish.unpublishing') : t('gallery.publish.unpublish')}
        </button>
      </div>
      <p className="hint">{t('gallery.publish.unpublishHint')}</p>
      <Refusal error={unpublish.error} />
    </div>
  );
}

/** The seller's active listing: its price, reprice and withdraw. */
export function ActiveListingView(props: {
  artworkId: string;
  listing: NonNullable<MarketArtworkPage['listing']>;
  royaltyBps: number;
  lazyMint: boolean;
  creatorSells?: boolean;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateArtwork();
  const [repricing, setRepricing] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api(`/api/listings/${encodeURIComponent(props.listing.id)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(props.artworkId),
  });
  return (
    <div>
      <p className="ok-text" data-testid="listed">
        <span aria-hidden="true">✓</span> {t('gallery.list.current', { price: formatEther(props.listing.priceWei) })}{' '}
        <span className="hint">
          {t('gallery.list.listedDetail', { wei: props.listing.priceWei, kind: t(`gallery.list.kind.${props.listing.kind}`) })}
        </span>
      </p>
      {repricing ? (
        <ListingForm
          artworkId={props.artworkId}
          royaltyBps={props.royaltyBps}
          lazyMint={props.listing.kind === 'LAZY_MINT'}
          listing={props.listing}
          creatorSells={props.creatorSells}
          onDone={() => setRepricing(false)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setRepricing(true)}>
            {t('gallery.list.reprice')}
          </button>
          <button type="button" className="danger" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
            {withdraw.isPending ? t('gallery.list.withdrawing') : t('gallery.list.withdraw')}
          </button>
        </div>
      )}
      <Refusal error={withdraw.error} />
    </div>
  );
}

function MintAction({ artwork, royaltyBps, onMint }: { artwork: Artwork; royaltyBps: number; onMint: (mint: MintView) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [to, setTo] = useState('custodial');
  const wallet = useWallet(confirming);
  const linked = wallet.data?.linkedAddresses ?? [];
  const heading = useRef<HTMLHeadingElement>(null);
  const invalidate = useInvalidateArtwork();
  const mint = useMutation({
    mutationFn: () => api<MintView>(`/api/artworks/${encodeURIComponent(artwork.id)}/mint`, { method: 'POST', body: { to } }),
    onSuccess: (sent) => {
      onMint(sent);
      return invalidate(artwork.id);
    },
    onError: () => setConfirming(false),
  });

  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  return (
    <div>
      <p className="hint">{t('gallery.mint.body')}</p>
      {confirming ? (
        <section className="confirm" aria-labelledby={`mint-confirm-${artwork.id}`}>
          <h4 id={`mint-confirm-${artwork.id}`} ref={heading} tabIndex={-1}>
            {t('gallery.mint.confirmTitle')}
          </h4>
          <dl className="amounts">
            <div>
              <dt>{t('gallery.mint.to')}</dt>
              <dd>
                {linked.length > 0 ? (
                  <select aria-label={t('gallery.mint.to')} value={to} onChange={(event) => setTo(event.target.value)}>
                    <option value="custodial">
                      {t('gallery.funds.wallet')} {wallet.data?.address}
                    </option>
                    {linked.map((address) => (
                      <option key={address} value={address}>
                        {address}
                      </option>
                    ))}
                  </select>
                ) : (
                  <>
                    {t('gallery.funds.wallet')}
                    {wallet.data && (
                      <>
                        <br />
                        <code>{wallet.data.address}</code>
                      </>
                    )}
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('gallery.mint.royalty')}</dt>
              <dd>{t('gallery.mint.royaltyValue', { percent: bpsToPercent(royaltyBps) })}</dd>
            </div>
          </dl>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => mint.mutate()} disabled={mint.isPending}>
              {mint.isPending ? t('gallery.mint.minting') : t('gallery.mint.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={mint.isPending}>
              {t('gallery.mint.cancel')}
            </button>
          </div>
        </section>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('gallery.mint.button')}
        </button>
      )}
      <Refusal error={mint.error} />
    </div>
  );
}
