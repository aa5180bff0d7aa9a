import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credits, Model } from '../../api/types';
import { A1111_SAMPLERS } from '../../lib/infotext';
import { formatDateTime } from '../../lib/format';
import { FieldError, FieldHint, SliderField, fieldProps, type FieldErrors } from './fields';
import { InitImage } from './InitImage';
import { SeedField } from './SeedField';
import { SizeField } from './SizeField';
import type { StudioForm } from './studioForm';

interface Props {
  form: StudioForm;
  model: Model;
  models: Model[];
  errors: FieldErrors;
  /** A job is being sent or runs: Generate waits for it. */
  busy: boolean;
  credits: Credits | undefined;
  advancedOpen: boolean;
  onAdvanced: (open: boolean) => void;
  onChange: (patch: Partial<StudioForm>) => void;
  onModel: (model: Model) => void;
  onGenerate: () => void;
  onPng: (file: File) => void;
}

/** Everything a generation takes, every control labelled and limited by the model's own limits. */
export function GenerationForm(props: Props) {
  const { form, model, models, errors, busy, credits, onChange } = props;
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const short = credits !== undefined && credits.available < form.count;

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!short) props.onGenerate();
    }
  };

  const prompt = fieldProps('prompt', errors);
  const negative = fieldProps('negativePrompt', errors);
  const modelField = fieldProps('model', errors);
  const scheduler = fieldProps('scheduler', errors);

  return (
    <form
      className="studio-form"
      noValidate
      aria-label={t('studio.form')}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!short) props.onGenerate();
      }}
    >
      <div className="field">
        <label htmlFor={prompt.id}>{t('studio.prompt.label')}</label>
        <textarea rows={4} placeholder={t('studio.prompt.placeholder')} value={form.prompt} onChange={(event) => onChange({ prompt: event.target.value })} {...prompt} />
        <FieldError field="prompt" errors={errors} />
      </div>

      <details className="advanced" open={props.advancedOpen} onToggle={(event) => props.onAdvanced(event.currentTarget.open)}>
        <summary>{t('studio.advanced')}</summary>
        <div className="field">
          <label htmlFor={negative.id}>{t('studio.negative.label')}</label>
          <textarea rows={2} placeholder={t('studio.negative.placeholder')} value={form.negativePrompt} onChange={(event) => onChange({ negativePrompt: event.target.value })} {...negative} />
          <FieldError field="negativePrompt" errors={errors} />
        </div>
      </details>

      {form.init && (
        <InitImage
          init={form.init}
          errors={errors}
          onStrength={(strength) => onChange({ init: { ...form.init!, strength } })}
          onRemove={() => onChange({ init: null })}
        />
      )}

      <div className="generate">
        <button type="submit" className="primary" disabled={short} aria-disabled={busy || undefined} aria-describedby={short ? 'studio-credits-short' : undefined}>
          {t('studio.generate', { count: form.count })}
        </button>
        {short && (
          <p id="studio-credits-short" className="field-error hint-parts">
            <span>{t('studio.creditsShort', { count: form.count, available: credits.available })}</span>
            <span>{t('studio.refillsAt', { time: formatDateTime(credits.refillsAt) })}</span>
          </p>
        )}
      </div>

      <div className="settings">
        <div className="field">
          <label htmlFor={modelField.id}>{t('studio.model.label')}</label>
          <select
            value={form.model}
            onChange={(event) => {
              const chosen = models.find((candidate) => candidate.name === event.target.value);
              if (chosen) props.onModel(chosen);
            }}
            {...modelField}
          >
            {models.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
          <FieldError field="model" errors={errors} />
        </div>

        <SizeField model={model} width={form.width} height={form.height} errors={errors} onChange={(size) => onChange(size)} />

        <fieldset className="count" aria-describedby={errors.count ? 'studio-count-error' : undefined}>
          <legend>{t('studio.count.legend')}</legend>
          <div className="segmented">
            {Array.from({ length: model.limits.maxCount }, (_, index) => index + 1).map((count) => (
              <label key={count}>
                <input type="radio" name="studio-count" value={count} checked={form.count === count} onChange={() => onChange({ count })} />
                <span>{count}</span>
              </label>
            ))}
          </div>
          <FieldError field="count" errors={errors} />
        </fieldset>

        <SliderField field="steps" label={t('studio.steps.label')} value={form.steps} min={1} max={model.limits.maxSteps} step={1} errors={errors} onChange={(steps) => onChange({ steps })} />
        <SliderField
          field="guidance"
          label={t('studio.guidance.label')}
          value={form.guidance}
          min={0}
          max={model.limits.maxGuidance}
          step={0.5}
          errors={errors}
          onChange={(guidance) => onChange({ guidance })}
        />

        <div className="field">
          <label htmlFor={scheduler.id}>{t('studio.scheduler.label')}</label>
          <select value={form.scheduler} onChange={(event) => onChange({ scheduler: event.target.value })} {...scheduler}>
            {model.limits.schedulers.map((id) => (
              <option key={id} value={id}>
                {A1111_SAMPLERS[id] ?? id}
              </option>
            ))}
          </select>
          <FieldError field="scheduler" errors={errors} />
        </div>

        <SeedField seed={form.seed} errors={errors} onChange={(seed) => onChange({ seed })} />
      </div>

      <FieldHint field="png">
        <span>{t('studio.png.hint')}</span>
        <button type="button" className="link" onClick={() => file.current?.click()}>
          {t('studio.png.choose')}
        </button>
      </FieldHint>
      <input
        ref={file}
        type="file"
        accept="image/png"
        hidden
        aria-label={t('studio.png.choose')}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) props.onPng(chosen);
          event.target.value = '';
        }}
      />
    </form>
  );
}
