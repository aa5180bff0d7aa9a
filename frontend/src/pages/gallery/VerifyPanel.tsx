import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../lib/format';
import type { Outcome, VerificationReport } from './api';

const ICONS: Record<Outcome, string> = { PASSED: '✓', FAILED: '✗', SKIPPED: '–', QUEUED: '…' };
const POLL_MILLIS = 1000;

/** A report whose reproduction still waits for a worker: it is read again from GET .../verification. */
const waiting = (report?: VerificationReport) => !!report && report.checks.some((check) => check.outcome === 'QUEUED');

/**
 * Verify: the service re-checks the artwork against its provenance; each check is listed with icon and words. The byte
 * checks answer at once; a queued re-run of the recipe is followed on the cached report until a worker has run it.
 */
export function VerifyPanel({ artworkId }: { artworkId: string }) {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: () => api<VerificationReport>(`/api/artworks/${encodeURIComponent(artworkId)}/verify`, { method: 'POST' }),
  });
  const latest = useQuery({
    queryKey: ['verification', artworkId, verify.submittedAt],
    queryFn: () => api<VerificationReport>(`/api/artworks/${encodeURIComponent(artworkId)}/verification`),
    enabled: waiting(verify.data),
    refetchInterval: (query) => (waiting(query.state.data ?? verify.data) ? POLL_MILLIS : false),
  });
  const report = waiting(verify.data) ? (latest.data ?? verify.data) : verify.data;
  const queued = waiting(report);
  return (
    <section className="verify" aria-labelledby="verify-title">
      <div className="section-head">
        <h3 id="verify-title">{t('gallery.verify.title')}</h3>
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {t('gallery.actions.verify')}
        </button>
      </div>
      <p role="status" className="hint">
        {verify.isPending ? t('gallery.actions.verifying') : queued ? t('gallery.verify.queued') : ''}
      </p>
      <ProblemMessage error={verify.error ?? latest.error} />
      {report && !verify.isPending && (
        <>
          {!queued && (
            <p className={report.verified ? 'verify-summary ok' : 'verify-summary failed'} data-testid="verify-summary">
              <span aria-hidden="true">{report.verified ? '✓' : '✗'}</span> {summary(report, t)}
            </p>
          )}
          {report.reproduced && <p className="hint">{t('gallery.verify.reproduced')}</p>}
          <ul className="checks">
            {report.checks.map((check) => (
              <li key={check.name} className={`check ${check.outcome.toLowerCase()}`} data-outcome={check.outcome}>
                <span className="check-icon" aria-hidden="true">
                  {ICONS[check.outcome]}
                </span>
                <span className="check-outcome">{t(`gallery.verify.outcome.${check.outcome}`)}</span>
                <span className="check-name">{t(`gallery.verify.check.${check.name}`, { defaultValue: check.name })}</span>
                <small className="check-detail">{check.detail}</small>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function summary(report: VerificationReport, t: (key: string, options?: Record<string, unknown>) => string): string {
  const count = (outcome: Outcome) => report.checks.filter((check) => check.outcome === outcome).length;
  const failed = count('FAILED');
  const skipped = count('SKIPPED');
  if (failed > 0) return t('gallery.verify.failed', { count: failed, formatted: formatNumber(failed) });
  if (skipped > 0) {
    return t('gallery.verify.verifiedWithSkips', { passed: formatNumber(count('PASSED')), skipped: formatNumber(skipped) });
  }
  return t('gallery.verify.verified', { count: report.checks.length, formatted: formatNumber(report.checks.length) });
}
