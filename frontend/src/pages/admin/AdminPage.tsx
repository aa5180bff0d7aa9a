import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './i18n';
import './admin.css';
import { api } from '../../api/client';
import type { Credits, Me } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RequireRole } from '../../components/RequireRole';
import { formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';

interface AdminUser extends Me {
  createdAt: string;
}

interface UserPage {
  items: AdminUser[];
  page: number;
  size: number;
  total: number;
}

const PAGE_SIZE = 20;

/** /admin: the platform's users, oldest first, and credit grants to each. */
export default function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  return (
    <RequireRole role="admin">
      <Users />
    </RequireRole>
  );
}

function Users() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const users = useQuery({
    queryKey: ['admin', 'users', page],
    queryFn: () => api<UserPage>(`/api/admin/users?page=${page}&size=${PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / PAGE_SIZE)) : 1;
  return (
    <div className="admin-page">
      <h1>{t('admin.title')}</h1>
      <ProblemMessage error={users.error} />
      {!users.data && !users.error && <p className="loading">{t('common.loading')}</p>}
      {users.data && (
        <>
          <p>{t('admin.total', { count: users.data.total, formatted: formatNumber(users.data.total) })}</p>
          <div className="table-scroll">
            <table className="activity" data-testid="admin-users">
              <caption className="visually-hidden">{t('admin.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.handle')}</th>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col">{t('admin.joined')}</th>
                  <th scope="col">{t('admin.credits')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id} data-testid={`user-${user.handle}`}>
                    <th scope="row">
                      <Link to={`/creators/${encodeURIComponent(user.handle)}`}>@{user.handle}</Link>
                    </th>
                    <td>{user.displayName}</td>
                    <td>{user.roles.map((role) => t(`admin.role.${role}`, { defaultValue: role })).join(t('admin.separator'))}</td>
                    <td>{formatDateTime(user.createdAt)}</td>
                    <td>
                      <Grant user={user} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('admin.pages')}>
            <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
              {t('admin.previous')}
            </button>
            <span>{t('admin.page', { page: formatNumber(page + 1), pages: formatNumber(pages) })}</span>
            <button type="button" onClick={() => setPage(page + 1)} disabled={page + 1 >= pages}>
              {t('admin.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

function Grant({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('100');
  const grant = useMutation({
    mutationFn: (credits: number) =>
      api<Credits>(`/api/admin/users/${user.id}/credits`, { method: 'POST', body: { credits } }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // the server checks the range; a number the person typed goes to it as typed, and its refusal is shown
    grant.mutate(amount.trim() === '' ? Number.NaN : Number(amount));
  };
  return (
    <form className="grant" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{t('admin.grantLabel', { handle: user.handle })}</span>
        <input type="number" inputMode="numeric" step="1" value={amount} onChange={(event) => setAmount(event.target.value)} />
      </label>
      <button type="submit" disabled={grant.isPending}>
        {grant.isPending ? t('admin.granting') : t('admin.grant')}
        <span className="visually-hidden"> {t('admin.grantTo', { handle: user.handle })}</span>
      </button>
      {grant.data && (
        <p role="status" className="hint" data-testid="granted">
          {t('admin.granted', { handle: user.handle, count: grant.data.available, formatted: formatNumber(grant.data.available) })}
        </p>
      )}
      <ProblemMessage error={grant.error} />
    </form>
  );
}
