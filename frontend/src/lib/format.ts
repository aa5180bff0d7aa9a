import i18n from '../i18n';

/** Number and date formats of the current language, through Intl. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(i18n.language, options).format(value);
}

export function formatDateTime(iso: string | Date): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
}

export function formatTime(iso: string | Date): string {
  return new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
}

/** A duration in seconds as "1 min 20 s" in the current language. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const unit = (value: number, name: 'minute' | 'second') =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(rest, 'second')}` : unit(rest, 'second');
}

export function formatDate(iso: string | Date): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** 0x1234…abcd: enough to tell addresses, hashes and token ids apart at a glance; show the whole one in a title. */
export function shortForm(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 6)}…${hex.slice(-4)}` : hex;
}
