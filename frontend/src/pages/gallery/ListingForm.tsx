import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatEther } from '../../lib/wei';
import { useClientConfig, useInvalidateArtwork, type ActiveListing } from './api';
import { parsePrice, saleSplit } from './price';
import { Refusal, refusedField } from './Refusal';
import { bpsToPercent } from './royalty';

interface Props {
  artworkId: string;
  royaltyBps: number;
  /** An unminted artwork is listed for a lazy mint; a minted one on ArtMarket. */
  lazyMint: boolean;
  /** The listing to reprice; absent for a new listing. */
  listing?: ActiveListing;
  /** The creator keeps the royalty of their own sale; a collector who resells pays it to the creator. */
  creatorSells?: boolean;
  onDone?: () => void;
}

/**
 * The price in ETH, converted exactly to wei as it is typed, then a confirm step with the fee and the royalty
 * before anything is sent.
 */
export function ListingForm({ artworkId, royaltyBps, lazyMint, listing, creatorSells = true, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const invalidate = useInvalidateArtwork();
  const [text, setText] = useState(listing ? formatEther(listing.priceWei) : '');
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const parsed = parsePrice(text);
  const feeBps = useClientConfig().data?.platformFeeBps;

  const save = useMutation({
    mutationFn: (priceWei: bigint) =>
      listing
        ? api(`/api/listings/${encodeURIComponent(listing.id)}`, { method: 'PATCH', body: { priceWei: priceWei.toString() } })
        : api('/api/listings', { method: 'POST', body: { artworkId, priceWei: priceWei.toString() } }),
    onSuccess: async () => {
      await invalidate(artworkId);
      onDone?.();
    },
    onError: () => setConfirming(false),
  });

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const clientError = checked && 'error' in parsed ? t(`gallery.list.errors.${parsed.error}`) : undefined;
  const error = clientError ?? refusedField(save.error, 'priceWei', t);

  const review = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if ('error' in parsed) {
      input.current?.focus();
      return;
    }
    save.reset();
    setConfirming(true);
  };

  if (confirming && 'wei' in parsed && feeBps === undefined) {
    return <p className="loading">{t('common.loading')}</p>;
  }
  if (confirming && 'wei' in parsed && feeBps !== undefined) {
    const split = saleSplit(parsed.wei, royaltyBps, lazyMint, feeBps);
    const eth = (wei: bigint) => t('common.eth', { amount: formatEther(wei) });
    const royaltyPercent = bpsToPercent(royaltyBps);
    return (
      <section className="confirm" aria-labelledby={`${id}-confirm`}>
        <h4 id={`${id}-confirm`} ref={confirmHeading} tabIndex={-1}>
          {listing ? t('gallery.list.repriceTitle') : t('gallery.list.confirmTitle')}
        </h4>
        <dl className="amounts" data-testid="listing-summary">
          <div>
            <dt>{t('gallery.list.priceLine')}</dt>
            <dd>
              {eth(parsed.wei)} <span className="hint">({t('gallery.list.wei', { wei: parsed.wei.toString() })})</span>
            </dd>
          </div>
          <div>
            <dt>{t('gallery.list.fee', { percent: bpsToPercent(feeBps) })}</dt>
            <dd>− {eth(split.platformFeeWei)}</dd>
          </div>
          {lazyMint ? (
            <div>
              <dt>{t('gallery.list.royalty', { percent: royaltyPercent })}</dt>
              <dd className="note">{t('gallery.list.royaltyNote')}</dd>
            </div>
          ) : (
            <div>
              <dt>{t(creatorSells ? 'gallery.list.royaltyNow' : 'gallery.list.royaltyToCreator', { percent: royaltyPercent })}</dt>
              <dd>{creatorSells ? eth(split.royaltyWei) : `− ${eth(split.royaltyWei)}`}</dd>
            </div>
          )}
          <div className="total">
            <dt>{t('gallery.list.proceeds')}</dt>
            <dd>{eth(creatorSells ? split.sellerWei + split.royaltyWei : split.sellerWei)}</dd>
          </div>
        </dl>
        <p className="hint">{lazyMint ? t('gallery.list.lazyNote') : t('gallery.list.marketNote')}</p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => save.mutate(parsed.wei)} disabled={save.isPending}>
            {save.isPending ? t('gallery.list.listing') : listing ? t('gallery.list.confirmReprice') : t('gallery.list.confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              setTimeout(() => input.current?.focus());
            }}
            disabled={save.isPending}
          >
            {t('gallery.list.back')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="listing-form" onSubmit={review} noValidate aria-label={listing ? t('gallery.list.reprice') : t('gallery.list.title')}>
      <div className="field">
        <label htmlFor={`${id}-price`}>{listing ? t('gallery.list.newPrice') : t('gallery.list.price')}</label>
        <input
          id={`${id}-price`}
          ref={input}
          className="short"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-wei${error ? ` ${id}-error` : ''}`}
        />
        <span id={`${id}-wei`} className="hint" data-testid="price-wei">
          {'wei' in parsed ? t('gallery.list.wei', { wei: parsed.wei.toString() }) : t('gallery.list.priceHint')}
        </span>
        {error && <span id={`${id}-error`} className="field-error">{error}</span>}
      </div>
      <Refusal error={save.error} fields={['priceWei']} />
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('gallery.list.review')}
        </button>
        {onDone && listing && (
          <button type="button" onClick={onDone}>
            {t('gallery.publish.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
