import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type State = 'idle' | 'copied' | 'failed';

/**
 * Copies `text` to the clipboard and says so: visibly on the button, and to screen readers through a polite
 * status line. Without children it is an icon button named "Copy <label>".
 */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  const announcement =
    state === 'copied' ? t('gallery.recipe.copiedValue', { label }) : state === 'failed' ? t('gallery.recipe.copyFailed') : '';
  return (
    <span className="copy">
      {children ? (
        <button type="button" onClick={copy}>
          <span aria-hidden="true">{state === 'copied' ? '✓' : '⧉'}</span> {children}
        </button>
      ) : (
        <button type="button" className="icon" onClick={copy} aria-label={t('gallery.recipe.copy', { label })} title={t('gallery.recipe.copy', { label })}>
          <span aria-hidden="true">{state === 'copied' ? '✓' : '⧉'}</span>
        </button>
      )}
      {state !== 'idle' && (
        <span className={state === 'copied' ? 'copy-done' : 'field-error'} aria-hidden="true">
          {state === 'copied' ? t('gallery.recipe.copied') : t('gallery.recipe.copyFailed')}
        </span>
      )}
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </span>
  );
}
