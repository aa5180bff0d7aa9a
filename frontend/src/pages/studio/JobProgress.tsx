import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDuration } from '../../lib/format';
import { etaSeconds, isActive, percentOf, type JobState } from './jobStream';

interface Props {
  job: JobState;
  submitting: boolean;
  onCancel: () => void;
}

/** A sentence for the polite live region: one per change of phase or image, never one per step. */
function useStatus(job: JobState, submitting: boolean): string {
  const { t } = useTranslation();
  if (submitting) return t('studio.job.status.sending');
  if (isActive(job) && job.connection === 'reconnecting') return t('studio.job.status.reconnecting');
  if (job.cancelling) return t('studio.job.status.cancelling');
  switch (job.phase) {
    case 'queued':
      return job.position ? t('studio.job.status.queued', { position: job.position }) : t('studio.job.status.queuedNext');
    case 'running':
      return job.images.length > 0
        ? t('studio.job.status.imageReady', { current: job.images.length, total: job.expected })
        : t('studio.job.status.running', { count: job.expected });
    case 'done':
      return t('studio.job.status.done', { count: job.images.length || job.artworkIds.length });
    case 'cancelled':
      return t('studio.job.status.cancelled');
    case 'failed':
      return t('studio.job.status.failed');
    default:
      return '';
  }
}

/** Where the job is: queue position, a progress bar with percent, step and ETA, the live preview, and Cancel (Esc). */
export function JobProgress({ job, submitting, onCancel }: Props) {
  const { t } = useTranslation();
  const status = useStatus(job, submitting);
  const percent = percentOf(job);
  const eta = etaSeconds(job);
  const active = isActive(job);
  return (
    <section className="job" aria-label={t('studio.job.heading')}>
      <p className="job-status" role="status" aria-live="polite" data-testid="job-status">
        {status}
      </p>
      {active && (
        <div className="job-live">
          <div
            className="progress"
            role="progressbar"
            aria-label={t('studio.job.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t('studio.job.valueText', { percent, step: job.step, total: job.total })}
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="job-figures">
            <strong>{t('studio.job.percent', { percent })}</strong>
            {job.phase === 'queued' && job.position ? (
              <span>{t('studio.job.position', { position: job.position })}</span>
            ) : (
              <span>{t('studio.job.step', { step: job.step, total: job.total })}</span>
            )}
            {eta !== undefined && <span>{t('studio.job.eta', { time: formatDuration(eta) })}</span>}
          </p>
          {job.preview && <img className="preview" src={job.preview} alt={t('studio.job.preview')} />}
          <button type="button" className="danger" onClick={onCancel} disabled={job.cancelling} aria-keyshortcuts="Escape">
            {t('studio.job.cancel')}
          </button>
        </div>
      )}
      {job.problem && job.phase !== 'cancelled' && <ProblemMessage error={job.problem} />}
    </section>
  );
}
