import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useArtwork, useInvalidateArtwork } from '../gallery/api';

const REASON_MAX = 500;

/** Admins hide an artwork from everyone else with the reason the other admins will read, or show it again. */
export function AdminControls({ artworkId }: { artworkId: string }) {
  const { t } = useTranslation();
  const artwork = useArtwork(artworkId, undefined);
  const invalidate = useInvalidateArtwork();
  const [reason, setReason] = useState('');
  const hide = useMutation({
    mutationFn: (visibility: { hidden: boolean; reason?: string }) =>
      api(`/api/admin/artworks/${encodeURIComponent(artworkId)}/hidden`, { method: 'PUT', body: visibility }),
    onSuccess: () => {
      setReason('');
      invalidate(artworkId);
    },
  });
  const hidden = artwork.data?.hidden === true;
  return (
    <section className="admin market-block" aria-labelledby="admin-title" data-testid="admin-controls">
      <h3 id="admin-title">{t('artwork.admin.title')}</h3>
      <p role="status" data-testid="admin-visibility">
        {artwork.data ? (hidden ? t('artwork.admin.hidden') : t('artwork.admin.visible')) : ''}
      </p>
      {hidden ? (
        <>
          {artwork.data?.hiddenReason && (
            <p data-testid="admin-reason">
              <strong>{t('artwork.admin.reasonShown')}</strong> {artwork.data.hiddenReason}
            </p>
          )}
          <button type="button" onClick={() => hide.mutate({ hidden: false })} disabled={hide.isPending}>
            {t('artwork.admin.unhide')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            hide.mutate({ hidden: true, reason });
          }}
        >
          <div className="field">
            <label htmlFor="admin-hide-reason">{t('artwork.admin.reason')}</label>
            <textarea
              id="admin-hide-reason"
              value={reason}
              maxLength={REASON_MAX}
              rows={2}
              required
              aria-describedby="admin-hide-reason-hint"
              onChange={(event) => setReason(event.target.value)}
            />
            <p id="admin-hide-reason-hint" className="hint">
              {t('artwork.admin.reasonHint')}
            </p>
          </div>
          <button type="submit" className="danger" disabled={!artwork.data || hide.isPending || reason.trim() === ''}>
            {t('artwork.admin.hide')}
          </button>
        </form>
      )}
      <ProblemMessage error={hide.error} />
    </section>
  );
}
