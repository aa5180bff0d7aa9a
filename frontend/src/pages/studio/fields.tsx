import type { ReactNode } from 'react';

/** Field errors of the last refusal, by the API's field name. */
export type FieldErrors = Record<string, string>;

/** The id, aria-invalid and aria-describedby of a control, so its hint and its error are read with it. */
export function fieldProps(field: string, errors: FieldErrors, hint = false) {
  const describedBy = [hint && `studio-${field}-hint`, errors[field] && `studio-${field}-error`].filter(Boolean).join(' ');
  return {
    id: `studio-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

export function FieldHint({ field, children }: { field: string; children: ReactNode }) {
  return (
    <p id={`studio-${field}-hint`} className="hint hint-parts">
      {children}
    </p>
  );
}

export function FieldError({ field, errors }: { field: string; errors: FieldErrors }) {
  return errors[field] ? (
    <p id={`studio-${field}-error`} className="field-error">
      {errors[field]}
    </p>
  ) : null;
}

interface SliderProps {
  field: string;
  label: string;
  value: string;
  min: number;
  max: number;
  step: number;
  errors: FieldErrors;
  onChange: (value: string) => void;
  hint?: ReactNode;
}

/** A number with a slider beside it, both for the same value: the slider to explore, the box to type. */
export function SliderField({ field, label, value, min, max, step, errors, onChange, hint }: SliderProps) {
  const props = fieldProps(field, errors, hint !== undefined);
  const numeric = Number(value);
  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      <div className="slider">
        <input
          type="range"
          aria-label={label}
          min={min}
          max={max}
          step={step}
          value={Number.isFinite(numeric) && value !== '' ? Math.min(max, Math.max(min, numeric)) : min}
          onChange={(event) => onChange(event.target.value)}
        />
        <input type="number" inputMode="decimal" min={min} max={max} step="any" value={value} onChange={(event) => onChange(event.target.value)} {...props} />
      </div>
      {hint !== undefined && <FieldHint field={field}>{hint}</FieldHint>}
      <FieldError field={field} errors={errors} />
    </div>
  );
}
