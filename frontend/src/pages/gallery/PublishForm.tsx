import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Artwork } from '../../api/types';
import { useInvalidateArtwork } from './api';
import { Refusal, refusedField } from './Refusal';
import { bpsToPercent, percentToBps } from './royalty';

type Licence = 'PERSONAL' | 'COMMERCIAL';
const FIELDS = ['title', 'description', 'licence', 'royaltyBps'];

/** Publish an artwork, or edit what its publication says; the royalty is typed in percent and sent in basis points. */
export function PublishForm({ artwork, royaltyLocked, onDone }: { artwork: Artwork; royaltyLocked: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const invalidate = useInvalidateArtwork();
  const [title, setTitle] = useState(artwork.title ?? '');
  const [description, setDescription] = useState(artwork.description ?? '');
  const [licence, setLicence] = useState<Licence>(artwork.licence ?? 'PERSONAL');
  const [royalty, setRoyalty] = useState(bpsToPercent(artwork.royaltyBps ?? 0));
  const [checked, setChecked] = useState(false);

  const publish = useMutation({
    mutationFn: (body: { title: string; description: string; licence: Licence; royaltyBps?: number }) =>
      api(`/api/artworks/${encodeURIComponent(artwork.id)}/publish`, { method: 'POST', body }),
    onSuccess: async () => {
      await invalidate(artwork.id);
      onDone?.();
    },
  });

  const royaltyResult = percentToBps(royalty);
  const errors = {
    title: title.trim() === '' ? t('gallery.publish.errors.titleRequired') : title.trim().length > 120 ? t('gallery.publish.errors.titleLong') : undefined,
    description: description.length > 5000 ? t('gallery.publish.errors.descriptionLong') : undefined,
    royalty: 'error' in royaltyResult && !royaltyLocked ? t(`gallery.publish.errors.royalty.${royaltyResult.error}`) : undefined,
  };
  const shown = (name: keyof typeof errors, field: string) =>
    (checked ? errors[name] : undefined) ?? refusedField(publish.error, field, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (errors.title || errors.description || errors.royalty) {
      const first = errors.title ? 'title' : errors.description ? 'description' : 'royalty';
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    publish.mutate({
      title: title.trim(),
      description,
      licence,
      ...(royaltyLocked || !('bps' in royaltyResult) ? {} : { royaltyBps: royaltyResult.bps }),
    });
  };

  const titleError = shown('title', 'title');
  const descriptionError = shown('description', 'description');
  const royaltyError = shown('royalty', 'royaltyBps');
  return (
    <form className="publish-form" onSubmit={submit} noValidate aria-label={artwork.published ? t('gallery.publish.editTitle') : t('gallery.publish.title')}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('gallery.publish.titleLabel')}</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
          required
        />
        {titleError && <span id={`${id}-title-error`} className="field-error">{titleError}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('gallery.publish.descriptionLabel')}</label>
        <textarea
          id={`${id}-description`}
          value={description}
          rows={3}
          onChange={(event) => setDescription(event.target.value)}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? `${id}-description-error` : undefined}
        />
        {descriptionError && <span id={`${id}-description-error`} className="field-error">{descriptionError}</span>}
      </div>
      <fieldset className="field licence">
        <legend className="field-label">{t('gallery.publish.licence')}</legend>
        {(['PERSONAL', 'COMMERCIAL'] as const).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name={`${id}-licence`} value={value} checked={licence === value} onChange={() => setLicence(value)} />
            {t(`gallery.publish.licence${value}`)}
          </label>
        ))}
        {refusedField(publish.error, 'licence', t) && <span className="field-error">{refusedField(publish.error, 'licence', t)}</span>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-royalty`}>{t('gallery.publish.royalty')}</label>
        <input
          id={`${id}-royalty`}
          className="short"
          inputMode="decimal"
          value={royalty}
          disabled={royaltyLocked}
          onChange={(event) => setRoyalty(event.target.value)}
          aria-invalid={royaltyError ? true : undefined}
          aria-describedby={`${id}-royalty-hint${royaltyError ? ` ${id}-royalty-error` : ''}`}
        />
        <span id={`${id}-royalty-hint`} className="hint">
          {royaltyLocked ? t('gallery.publish.royaltyLocked') : t('gallery.publish.royaltyHint')}
          {!royaltyLocked && 'bps' in royaltyResult && (
            <>
              <br />
              {t('gallery.publish.royaltyBps', { bps: royaltyResult.bps })}
            </>
          )}
        </span>
        {royaltyError && <span id={`${id}-royalty-error`} className="field-error">{royaltyError}</span>}
      </div>
      <Refusal error={publish.error} fields={FIELDS} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={publish.isPending}>
          {publish.isPending ? t('gallery.publish.publishing') : artwork.published ? t('gallery.publish.save') : t('gallery.publish.submit')}
        </button>
        {onDone && artwork.published && (
          <button type="button" onClick={onDone}>
            {t('gallery.publish.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
