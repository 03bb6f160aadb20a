// Intl directly rather than DatePipe and DecimalPipe: those live in a file of @angular/common that the
// shell loads anyway, and the bundler splits by file, so using them in any lazy page would put them
// (and their locale tables) in the initial bundle. English text, so English formats, as DatePipe did.
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const numberFormat = new Intl.NumberFormat('en-US');

// Plain functions that templates call, not pipes: the pipe runtime costs 1.1 kB raw of the initial
// bundle (docs/development.md, "Bundle size"), and these are cheap enough to run on every check.

/** "Nov 28, 2026, 9:28:24 PM" from a Date or an ISO string; nothing for a missing or bad value. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** "10,000": a count with thousands separators. */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}
