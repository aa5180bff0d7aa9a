import { useTranslation } from 'react-i18next';
import type { RecipeReading } from '../../lib/infotext';

/** What filled the form, or why a file could not. */
export type Fill =
  | { kind: 'png'; file: string; reading: RecipeReading }
  | { kind: 'reuse' | 'remix'; reading: RecipeReading }
  | { kind: 'no-parameters' | 'not-png'; file: string };

/** Says which fields a PNG or a recipe link filled, which values it named that are not available here, and what it left out. */
export function FillNotice({ fill, onDismiss }: { fill: Fill; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const list = (values: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(values);
  let lines: string[];
  if (!('reading' in fill)) {
    lines = [t(`studio.fill.${fill.kind === 'not-png' ? 'notPng' : 'noParameters'}`, { file: fill.file })];
  } else {
    const { reading } = fill;
    const fields = list(reading.filled.map((field) => t(`studio.fill.fields.${field}`)));
    lines = [
      reading.filled.length === 0
        ? t('studio.fill.nothing')
        : fill.kind === 'png'
          ? t('studio.fill.png', { file: fill.file, fields })
          : t(`studio.fill.${fill.kind}`, { fields }),
      ...reading.unavailable.map((missing) => t(`studio.fill.unavailable.${missing.field}`, { value: missing.value })),
      ...(reading.ignored.length > 0 ? [t('studio.fill.ignored', { keys: list(reading.ignored) })] : []),
    ];
  }
  const warning = !('reading' in fill);
  return (
    <div className={warning ? 'notice notice-warning' : 'notice'} data-testid="fill-notice">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <button type="button" className="link" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
