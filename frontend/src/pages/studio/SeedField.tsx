import { useTranslation } from 'react-i18next';
import { FieldError, FieldHint, fieldProps, type FieldErrors } from './fields';
import { reuseLastSeed, rollSeed, typeSeed, type SeedState } from './seed';
import { formatNumber } from '../../lib/format';

interface Props {
  seed: SeedState;
  errors: FieldErrors;
  onChange: (seed: SeedState) => void;
}

/** The seed with 🎲 (a random one), ♻ (the last run's) and the lock that keeps it across runs. */
export function SeedField({ seed, errors, onChange }: Props) {
  const { t } = useTranslation();
  const props = fieldProps('seed', errors, true);
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('studio.seed.label')}</label>
      <div className="seed-row">
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={seed.seed}
          onChange={(event) => onChange(typeSeed(seed, event.target.value))}
          {...props}
        />
        <button type="button" className="icon" aria-label={t('studio.seed.random')} title={t('studio.seed.random')} onClick={() => onChange(rollSeed(seed))}>
          🎲
        </button>
        <button
          type="button"
          className="icon"
          aria-label={seed.last === null ? t('studio.seed.reuse') : t('studio.seed.reuseWith', { seed: seed.last })}
          title={seed.last === null ? t('studio.seed.reuse') : t('studio.seed.reuseWith', { seed: seed.last })}
          disabled={seed.last === null}
          onClick={() => onChange(reuseLastSeed(seed))}
        >
          ♻
        </button>
        <button
          type="button"
          className="icon"
          aria-pressed={seed.locked}
          aria-label={t('studio.seed.lock')}
          title={t('studio.seed.lock')}
          onClick={() => onChange({ ...seed, locked: !seed.locked })}
        >
          {seed.locked ? '🔒' : '🔓'}
        </button>
      </div>
      <FieldHint field="seed">
        <span>{seed.locked ? t('studio.seed.locked') : t('studio.seed.unlocked')}</span>
        {seed.last !== null && <span>{t('studio.seed.last', { seed: formatNumber(seed.last, { useGrouping: false }) })}</span>}
      </FieldHint>
      <FieldError field="seed" errors={errors} />
    </div>
  );
}
