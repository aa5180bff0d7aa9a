import { useTranslation } from 'react-i18next';
import type { Model } from '../../api/types';
import { ASPECTS, aspectOf, sizeForAspect } from './sizes';
import { FieldError, fieldProps, type FieldErrors } from './fields';

interface Props {
  model: Model;
  width: string;
  height: string;
  errors: FieldErrors;
  onChange: (size: { width: string; height: string }) => void;
}

/** Aspect-ratio presets fitted to the model, ⇅ to swap the sides, and any custom size (the API judges it). */
export function SizeField({ model, width, height, errors, onChange }: Props) {
  const { t } = useTranslation();
  const { limits } = model;
  const area = model.defaults.width * model.defaults.height;
  const current = aspectOf({ width: Number(width), height: Number(height) }, area, limits);
  const hint = t('studio.size.hint', { min: limits.minSide, max: limits.maxSide, multiple: limits.sideMultiple });
  const side = (field: 'width' | 'height', value: string) => {
    const props = fieldProps(field, errors);
    return (
      <div className="field">
        <label htmlFor={props.id}>{t(`studio.size.${field}`)}</label>
        <input
          type="number"
          inputMode="numeric"
          min={limits.minSide}
          max={limits.maxSide}
          step={limits.sideMultiple}
          value={value}
          onChange={(event) => onChange(field === 'width' ? { width: event.target.value, height } : { width, height: event.target.value })}
          {...props}
          aria-describedby={[props['aria-describedby'], 'studio-size-hint'].filter(Boolean).join(' ')}
        />
        <FieldError field={field} errors={errors} />
      </div>
    );
  };
  return (
    <fieldset className="size">
      <legend>{t('studio.size.legend')}</legend>
      <div className="aspects" role="group" aria-label={t('studio.size.aspects')}>
        {ASPECTS.map((aspect) => (
          <button
            key={aspect.id}
            type="button"
            aria-pressed={current === aspect.id}
            onClick={() => {
              const size = sizeForAspect(aspect, area, limits);
              onChange({ width: String(size.width), height: String(size.height) });
            }}
          >
            <span className="aspect-icon" aria-hidden="true" style={{ aspectRatio: `${aspect.width} / ${aspect.height}` }} />
            {aspect.id}
          </button>
        ))}
      </div>
      <div className="size-sides">
        {side('width', width)}
        <button type="button" className="icon swap" aria-label={t('studio.size.swap')} title={t('studio.size.swap')} onClick={() => onChange({ width: height, height: width })}>
          ⇅
        </button>
        {side('height', height)}
      </div>
      <p id="studio-size-hint" className="hint">
        {current ? t('studio.size.preset', { aspect: current, hint }) : hint}
      </p>
    </fieldset>
  );
}
