import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, shortForm } from '../../lib/format';
import { formatEther } from '../../lib/wei';
import { useClientConfig } from '../gallery/api';
import type { HistoryEntry } from './api';

/** 0x1234…abcd: enough to tell addresses apart; the whole one is in the title and for screen readers. */
function Address({ value }: { value: string | null }) {
  if (!value) return <span aria-hidden="true">—</span>;
  return (
    <code title={value} aria-label={value}>
      {shortForm(value)}
    </code>
  );
}

/**
 * The artwork's history as a table (event, price, royalty, from, to, date, transaction), filterable by event
 * kind; chain transfers made outside the platform are rows like any other.
 */
export function ActivityTable({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const id = useId();
  const config = useClientConfig();
  const [kind, setKind] = useState('');
  const kinds = [...new Set(history.map((entry) => entry.kind))];
  const rows = history.filter((entry) => kind === '' || entry.kind === kind);
  const eth = (wei: string | null) => (wei === null ? '—' : t('common.eth', { amount: formatEther(wei) }));
  const explorer = config.data?.explorerTxUrl;
  return (
    <section className="activity" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>{t('artwork.activity.title')}</h2>
        <label>
          {t('artwork.activity.filter')}{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value)} data-testid="activity-filter">
            <option value="">{t('artwork.activity.all')}</option>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {t(`artwork.activity.kind.${value}`, { defaultValue: value })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="table-scroll">
        <table data-testid="activity">
          <caption className="visually-hidden">{t('artwork.activity.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('artwork.activity.event')}</th>
              <th scope="col">{t('artwork.activity.price')}</th>
              <th scope="col">{t('artwork.activity.royalty')}</th>
              <th scope="col">{t('artwork.activity.from')}</th>
              <th scope="col">{t('artwork.activity.to')}</th>
              <th scope="col">{t('artwork.activity.date')}</th>
              <th scope="col">{t('artwork.activity.tx')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry, index) => (
              <tr key={`${entry.kind}-${entry.at}-${index}`} data-kind={entry.kind}>
                <th scope="row">{t(`artwork.activity.kind.${entry.kind}`, { defaultValue: entry.kind })}</th>
                <td className="num">{eth(entry.priceWei)}</td>
                <td className="num">{eth(entry.royaltyWei)}</td>
                <td>{entry.from ? <Address value={entry.from} /> : entry.actor ?? <Address value={null} />}</td>
                <td>
                  <Address value={entry.to} />
                </td>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td>
                  {entry.txHash && explorer ? (
                    <a href={explorer + entry.txHash} rel="noreferrer" target="_blank">
                      <Address value={entry.txHash} />
                    </a>
                  ) : (
                    <Address value={entry.txHash} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
