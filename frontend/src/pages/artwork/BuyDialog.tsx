import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatEther } from '../../lib/wei';
import { useClientConfig, useWallet } from '../gallery/api';
import { bpsToPercent } from '../gallery/royalty';
import type { PublicArtwork, Purchase } from './api';
import { buyQuote } from './quote';

interface Props {
  artwork: PublicArtwork;
  listing: NonNullable<PublicArtwork['listing']>;
  open: boolean;
  onClose: () => void;
  onPurchased: (purchase: Purchase, confirmedAt: number) => void;
}

/**
 * The confirm step of Buy, a modal `<dialog>`: the price and where it goes, the gas reserved on top, the
 * buyer's balance and what is missing, with the wallet a link away. A 402 shows the server's own amounts.
 */
export function BuyDialog({ artwork, listing, open, onClose, onPurchased }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wallet = useWallet(open);
  const config = useClientConfig();
  const buy = useMutation({
    mutationFn: () => api<Purchase>(`/api/listings/${encodeURIComponent(listing.id)}/purchase`, { method: 'POST' }),
  });
  const { reset: resetBuy } = buy;
  const { refetch: refetchWallet } = wallet;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      resetBuy();
      void refetchWallet();
      element.showModal();
      heading.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, resetBuy, refetchWallet]);

  const eth = (wei: bigint | string) => t('common.eth', { amount: formatEther(wei) });
  const feeBps = config.data?.platformFeeBps;
  const quote =
    wallet.data && feeBps !== undefined && listing.gasReserveWei !== null
      ? buyQuote({
          priceWei: listing.priceWei,
          gasReserveWei: listing.gasReserveWei,
          balanceWei: wallet.data.balanceWei,
          royaltyBps: artwork.royaltyBps ?? 0,
          lazyMint: listing.kind === 'LAZY_MINT',
          feeBps,
        })
      : undefined;
  const refused = buy.error instanceof ApiProblem && buy.error.kind === 'insufficient-funds' ? buy.error : undefined;
  const problemAmount = (name: string) => {
    const value = refused?.extensions[name];
    return typeof value === 'string' && /^\d+$/.test(value) ? value : undefined;
  };

  const confirm = () => {
    const confirmedAt = performance.now();
    buy.mutate(undefined, {
      onSuccess: (purchase) => onPurchased(purchase, confirmedAt),
      onError: () => void refetchWallet(),
    });
  };

  return (
    <dialog ref={dialog} className="buy-dialog" aria-labelledby="buy-title" onClose={onClose} data-testid="buy-dialog">
      <h2 id="buy-title" ref={heading} tabIndex={-1}>
        {t('artwork.buy.title', { title: artwork.title ?? t('artwork.untitled') })}
      </h2>
      {!quote && !buy.error && <p className="loading">{t('common.loading')}</p>}
      {quote && (
        <dl className="amounts" data-testid="buy-quote">
          <div>
            <dt>{t('artwork.buy.price')}</dt>
            <dd data-testid="buy-price">{eth(quote.priceWei)}</dd>
          </div>
          <div className="sub">
            <dt>{t('artwork.buy.fee', { percent: bpsToPercent(feeBps!) })}</dt>
            <dd>{eth(quote.platformFeeWei)}</dd>
          </div>
          <div className="sub">
            <dt>{t('artwork.buy.royalty', { percent: bpsToPercent(artwork.royaltyBps ?? 0) })}</dt>
            <dd>{listing.kind === 'LAZY_MINT' ? t('artwork.buy.royaltyPrimary') : eth(quote.royaltyWei)}</dd>
          </div>
          <div>
            <dt>{t('artwork.buy.gas')}</dt>
            <dd>{eth(quote.gasReserveWei)}</dd>
          </div>
          <div className="total">
            <dt>{t('artwork.buy.needed')}</dt>
            <dd data-testid="buy-needed">{eth(quote.neededWei)}</dd>
          </div>
          <div>
            <dt>{t('artwork.buy.balance')}</dt>
            <dd data-testid="buy-balance">{eth(quote.balanceWei)}</dd>
          </div>
          {quote.shortfallWei > 0n && (
            <div className="shortfall">
              <dt>{t('artwork.buy.shortfall')}</dt>
              <dd data-testid="buy-shortfall">{eth(quote.shortfallWei)}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="hint">{t('artwork.buy.gasHint')}</p>
      {quote && quote.shortfallWei > 0n && !refused && (
        <p className="problem" role="alert">
          {t('artwork.buy.notEnough')} <Link to="/wallet">{t('artwork.buy.toWallet')}</Link>
        </p>
      )}
      {refused && (
        <div className="problem" role="alert" data-testid="buy-refused">
          <strong>{t('problem.insufficient-funds')}</strong>
          <dl className="amounts">
            {(['amountNeededWei', 'balanceWei', 'shortfallWei'] as const).map((name) => {
              const value = problemAmount(name);
              return (
                value !== undefined && (
                  <div key={name}>
                    <dt>{t(`artwork.buy.problem.${name}`)}</dt>
                    <dd>{eth(value)}</dd>
                  </div>
                )
              );
            })}
          </dl>
          <p>
            <Link to="/wallet">{t('artwork.buy.toWallet')}</Link>
          </p>
        </div>
      )}
      {buy.error && !refused && <ProblemMessage error={buy.error} />}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={confirm}
          disabled={buy.isPending || !quote || quote.shortfallWei > 0n}
        >
          {buy.isPending ? t('artwork.buy.buying') : t('artwork.buy.confirm')}
        </button>
        <button type="button" onClick={onClose} disabled={buy.isPending}>
          {t('artwork.buy.cancel')}
        </button>
      </div>
    </dialog>
  );
}
