import { HttpErrorResponse } from '@angular/common/http';

export type AuthErrorCode =
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'invalid_request'
  | 'unreachable'
  | 'server_busy'
  | 'server_error';

/** A sign-in failure; `message` is a sentence for people, never the server's JSON. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** "4 minutes" in `locale`'s own words (CLDR data, as DatePipe's month names): plurals included. */
function amount(value: number, unit: 'hour' | 'minute' | 'second', locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function twoAmounts(larger: string, smaller: string): string {
  return $localize`:A duration made of two amounts, e.g. 4 minutes 30 seconds@@duration.twoAmounts:${larger}:larger: ${smaller}:smaller:`;
}

/**
 * "4 minutes 30 seconds", "45 seconds", "1 hour 5 minutes": how long to wait, in words of
 * `locale` (the app's LOCALE_ID).
 */
export function formatWait(seconds: number, locale: string): string {
  const total = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) {
    const inHours = amount(hours, 'hour', locale);
    return minutes > 0 ? twoAmounts(inHours, amount(minutes, 'minute', locale)) : inHours;
  }
  if (minutes > 0) {
    const inMinutes = amount(minutes, 'minute', locale);
    return secs > 0 ? twoAmounts(inMinutes, amount(secs, 'second', locale)) : inMinutes;
  }
  return amount(secs, 'second', locale);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function isApiError(body: unknown, code: string): boolean {
  return typeof body === 'object' && body !== null && (body as { error?: unknown }).error === code;
}

function unreachable(): AuthError {
  return new AuthError(
    'unreachable',
    $localize`:@@auth.error.unreachable:The server could not be reached. Check your connection and try again.`,
  );
}

/**
 * Turns a failed POST /auth/login into an AuthError with words a person can act on, in the app's
 * language (`locale` words the wait).
 */
export function toAuthError(error: unknown, locale: string): AuthError {
  if (!(error instanceof HttpErrorResponse)) {
    return unreachable();
  }
  switch (error.status) {
    case 0:
      return unreachable();
    case 400:
    case 413:
      return new AuthError(
        'invalid_request',
        $localize`:@@auth.error.invalidRequest:Enter a valid email address and a password.`,
      );
    case 401:
      return new AuthError(
        'invalid_credentials',
        $localize`:@@auth.error.invalidCredentials:Wrong email or password.`,
      );
    case 429: {
      const wait = parseRetryAfter(error.headers.get('Retry-After'));
      const message =
        wait === undefined
          ? $localize`:@@auth.error.tooManyAttempts:Too many sign-in attempts. Please wait a while and try again.`
          : $localize`:@@auth.error.tooManyAttemptsWait:Too many sign-in attempts. Try again in ${formatWait(wait, locale)}:wait:.`;
      return new AuthError('too_many_attempts', message, wait);
    }
    case 503: {
      // The API's password checks are queued; a full queue says when to come back. (Without an
      // answer body, a 503 came from a proxy whose API is down.)
      if (!isApiError(error.error, 'server_busy')) {
        return unreachable();
      }
      const wait = parseRetryAfter(error.headers.get('Retry-After'));
      const message =
        wait === undefined
          ? $localize`:@@auth.error.serverBusy:The server is busy signing people in. Please try again in a moment.`
          : $localize`:@@auth.error.serverBusyWait:The server is busy signing people in. Try again in ${formatWait(wait, locale)}:wait:.`;
      return new AuthError('server_busy', message, wait);
    }
    default:
      return new AuthError(
        'server_error',
        $localize`:@@auth.error.server:The server had a problem. Please try again in a moment.`,
      );
  }
}
