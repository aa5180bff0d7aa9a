import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { formatDateTime } from '../lib/format';

/**
 * A refusal shown in the reader's language: a translated title for each known problem type, then the server's
 * detail (its own words name the values at fault). 429 says when the credits refill.
 */
export function ProblemMessage({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : ApiProblem.offline(error);
  const title = t(`problem.${problem.kind}`, { defaultValue: problem.title });
  const refillsAt =
    problem.kind === 'out-of-credits' && problem.retryAfterSeconds !== undefined
      ? new Date(Date.now() + problem.retryAfterSeconds * 1000)
      : undefined;
  return (
    <div className="problem" role="alert">
      <strong>{title}</strong>
      {refillsAt && <p>{t('problem.refillsAt', { time: formatDateTime(refillsAt) })}</p>}
      {problem.detail && <p className="problem-detail">{problem.detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error) => (
            <li key={error.field}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      )}
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
