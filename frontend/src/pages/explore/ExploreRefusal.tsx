import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';

// the browse parameters the API names when it refuses one; each has a sentence of its own in both languages
const FIELDS = ['q', 'creator', 'model', 'minPriceWei', 'maxPriceWei', 'minted', 'sort', 'limit', 'cursor'];

/** A refused browse request in the reader's language: a sentence per parameter the API named, else the problem document. */
export function ExploreRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiProblem && error.errors.length > 0 && error.errors.every((refused) => FIELDS.includes(refused.field))) {
    return (
      <div className="problem" role="alert" data-testid="explore-refusal">
        <strong>{t('explore.refused.title')}</strong>
        <ul>
          {error.errors.map((refused) => (
            <li key={refused.field}>{t(`explore.refused.${refused.field}`)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return <ProblemMessage error={error} />;
}
