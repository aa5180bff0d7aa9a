import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 350;

/**
 * The search field: what is typed becomes the URL's search (and the server's filter) once typing pauses, or at
 * once on Enter; Back brings the earlier search into the field again.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);

  useEffect(() => {
    // the URL changed under the field (Back, a link): show what it says
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== value) onSearch(text);
  };

  return (
    <form role="search" className="gallery-search" onSubmit={submit}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('gallery.search.label')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        placeholder={t('gallery.search.placeholder')}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">{t('gallery.search.submit')}</button>
    </form>
  );
}
