import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useArtwork, useInvalidateArtwork } from '../gallery/api';

/** Admins hide an artwork from everyone else, or show it again. */
export function AdminControls({ artworkId }: { artworkId: string }) {
  const { t } = useTranslation();
  const artwork = useArtwork(artworkId, undefined);
  const invalidate = useInvalidateArtwork();
  const hide = useMutation({
    mutationFn: (hidden: boolean) =>
      api(`/api/admin/artworks/${encodeURIComponent(artworkId)}/hidden`, { method: 'PUT', body: { hidden } }),
    onSuccess: () => invalidate(artworkId),
  });
  const hidden = artwork.data?.hidden === true;
  return (
    <section className="admin market-block" aria-labelledby="admin-title" data-testid="admin-controls">
      <h3 id="admin-title">{t('artwork.admin.title')}</h3>
      <p role="status" data-testid="admin-visibility">
        {artwork.data ? (hidden ? t('artwork.admin.hidden') : t('artwork.admin.visible')) : ''}
      </p>
      <button type="button" className={hidden ? undefined : 'danger'} onClick={() => hide.mutate(!hidden)} disabled={!artwork.data || hide.isPending}>
        {hidden ? t('artwork.admin.unhide') : t('artwork.admin.hide')}
      </button>
      <ProblemMessage error={hide.error} />
    </section>
  );
}
