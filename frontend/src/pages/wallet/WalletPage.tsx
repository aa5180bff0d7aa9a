import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './i18n';
import './wallet.css';
import { api } from '../../api/client';
import { useMe } from '../../api/queries';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RequireRole } from '../../components/RequireRole';
import { formatDateTime, shortForm } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatEther } from '../../lib/wei';
import { CopyButton } from '../gallery/CopyButton';
import { useClientConfig, type Transaction } from '../gallery/api';
import type { CollectedToken, FeedPage } from '../creator/api';
import { isPending, useTransactions, useWallet, walletKeys, type Wallet, type WalletTransaction } from './api';
import { LinkWallet } from './LinkWallet';
import { SendDialog, type HeldToken } from './SendDialog';

// Anvil's and Hardhat's chain id: the only chain whose wallet API has a faucet
const LOCAL_CHAIN_ID = 31337;

/** /wallet: the custodial wallet's address, balance, tokens and transactions, and linked external wallets. */
export default function WalletPage() {
  const { t } = useTranslation();
  usePageTitle(t('wallet.title'));
  return (
    <RequireRole>
      <WalletView />
    </RequireRole>
  );
}

function WalletView() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const transactions = useTransactions();
  const pending = transactions.data?.some(isPending) ?? false;
  const wallet = useWallet(pending);
  const wasPending = useRef(false);
  const [sending, setSending] = useState<HeldToken | null>(null);
  const [sent, setSent] = useState<Transaction | null>(null);

  useEffect(() => {
    // the last pending transaction settled: the balance and tokens it changed are read once more
    if (wasPending.current && !pending) void client.invalidateQueries({ queryKey: walletKeys.wallet, exact: true });
    wasPending.current = pending;
  }, [pending, client]);

  if (wallet.error) return <ProblemMessage error={wallet.error} />;
  if (!wallet.data) return <p className="loading">{t('common.loading')}</p>;
  const data = wallet.data;
  const close = (tx?: Transaction) => {
    const opener = sending && document.getElementById(`send-${sending.tokenId}`);
    setSending(null);
    if (tx) {
      setSent(tx);
      void client.invalidateQueries({ queryKey: walletKeys.transactions });
    }
    if (opener) opener.focus();
  };
  return (
    <div className="wallet-page">
      <h1>{t('wallet.title')}</h1>
      <section aria-labelledby="wallet-custodial" className="wallet-summary">
        <h2 id="wallet-custodial">{t('wallet.custodial')}</h2>
        <p className="wallet-address">
          <code data-testid="wallet-address">{data.address}</code>
          <CopyButton text={data.address} label={t('wallet.address')} />
        </p>
        <p className="wallet-balance">
          <span>{t('wallet.balance')}</span>{' '}
          <strong data-testid="wallet-balance">{t('common.eth', { amount: formatEther(data.balanceWei) })}</strong>
        </p>
        <Faucet />
      </section>
      <Tokens wallet={data} onSend={setSending} />
      {sent && (
        <p role="status" className="hint">
          {t('wallet.send.sent', { hash: sent.hash })}
        </p>
      )}
      <Transactions wallet={data} transactions={transactions.data} error={transactions.error} />
      <section aria-labelledby="wallet-linked">
        <h2 id="wallet-linked">{t('wallet.link.title')}</h2>
        <p className="hint">{t('wallet.link.intro')}</p>
        {data.linkedAddresses.length > 0 ? (
          <ul className="linked" data-testid="linked-addresses">
            {data.linkedAddresses.map((address) => (
              <li key={address}>
                <code>{address}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('wallet.link.none')}</p>
        )}
        <LinkWallet />
      </section>
      {sending && <SendDialog token={sending} wallet={data} onClose={close} />}
    </div>
  );
}

function Faucet() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const config = useClientConfig();
  const fund = useMutation({
    mutationFn: () => api<Transaction>('/api/me/wallet/faucet', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: walletKeys.wallet }),
  });
  if (config.data?.chainId !== LOCAL_CHAIN_ID) return null;
  return (
    <div className="faucet">
      <button type="button" onClick={() => fund.mutate()} disabled={fund.isPending}>
        {fund.isPending ? t('wallet.faucet.funding') : t('wallet.faucet.button')}
      </button>
      <span className="hint">{t('wallet.faucet.hint')}</span>
      {fund.isSuccess && <p role="status">{t('wallet.faucet.sent')}</p>}
      <ProblemMessage error={fund.error} />
    </div>
  );
}

/** The tokens the wallet holds; those of published artworks show their thumbnail and link to their page. */
function Tokens({ wallet, onSend }: { wallet: Wallet; onSend: (token: HeldToken) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const handle = me.data?.handle;
  const collected = useQuery({
    queryKey: [...walletKeys.wallet, 'collected', wallet.tokens.join(',')],
    queryFn: () => api<FeedPage<CollectedToken>>(`/api/creators/${encodeURIComponent(handle ?? '')}/collected?limit=100`),
    enabled: handle !== undefined && wallet.tokens.length > 0,
  });
  const byToken = new Map((collected.data?.items ?? []).map((item) => [item.tokenId, item]));
  return (
    <section aria-labelledby="wallet-tokens">
      <h2 id="wallet-tokens">{t('wallet.tokens.title')}</h2>
      {wallet.tokens.length === 0 ? (
        <p>{t('wallet.tokens.none')}</p>
      ) : (
        <ul className="token-grid" data-testid="wallet-tokens">
          {wallet.tokens.map((tokenId) => {
            const art = byToken.get(tokenId);
            const title = art?.title ?? t('wallet.tokens.token', { id: shortForm(tokenId) });
            return (
              <li key={tokenId} className="token">
                {art ? (
                  <Link to={`/artworks/${art.artworkId}`}>
                    <img src={art.thumbnail} alt={art.title} width="96" height="96" loading="lazy" />
                    <span>{art.title}</span>
                  </Link>
                ) : (
                  <span title={tokenId}>{title}</span>
                )}
                <button type="button" id={`send-${tokenId}`} onClick={() => onSend({ tokenId, title })}>
                  {t('wallet.tokens.send')}
                  <span className="visually-hidden"> {title}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Transactions({ wallet, transactions, error }: { wallet: Wallet; transactions?: WalletTransaction[]; error: unknown }) {
  const { t } = useTranslation();
  const config = useClientConfig();
  return (
    <section aria-labelledby="wallet-transactions">
      <h2 id="wallet-transactions">{t('wallet.tx.title')}</h2>
      <ProblemMessage error={error} />
      {transactions && transactions.length === 0 && <p>{t('wallet.tx.none')}</p>}
      {transactions && transactions.length > 0 && (
        <div className="table-scroll">
          <table className="activity" data-testid="wallet-transactions">
            <thead>
              <tr>
                <th scope="col">{t('wallet.tx.direction')}</th>
                <th scope="col">{t('wallet.tx.status')}</th>
                <th scope="col">{t('wallet.tx.counterparty')}</th>
                <th scope="col">{t('wallet.tx.date')}</th>
                <th scope="col">{t('wallet.tx.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {transactions.map((tx) => {
                const received = tx.from.toLowerCase() !== wallet.address.toLowerCase();
                const other = received ? tx.from : tx.to;
                const explorer = config.data?.explorerTxUrl;
                return (
                  <tr key={tx.id}>
                    <td>{received ? t('wallet.tx.received') : t('wallet.tx.sent')}</td>
                    <td>
                      <span className={`tx-status tx-${tx.status.toLowerCase()}`}>{t(`wallet.tx.state.${tx.status}`)}</span>
                      {tx.failureReason && <span className="field-error"> {tx.failureReason}</span>}
                    </td>
                    <td>{other ? <code title={other}>{shortForm(other)}</code> : ''}</td>
                    <td>{formatDateTime(tx.createdAt)}</td>
                    <td>
                      {explorer ? (
                        <a href={explorer + tx.hash} title={tx.hash}>
                          {shortForm(tx.hash)}
                        </a>
                      ) : (
                        <code title={tx.hash}>{shortForm(tx.hash)}</code>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

