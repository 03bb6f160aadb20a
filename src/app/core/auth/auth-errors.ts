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

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "4 minutes 30 seconds", "45 seconds", "1 hour 5 minutes": how long to wait, in words. */
export function formatWait(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) {
    return minutes > 0
      ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`
      : plural(hours, 'hour');
  }
  if (minutes > 0) {
    return secs > 0
      ? `${plural(minutes, 'minute')} ${plural(secs, 'second')}`
      : plural(minutes, 'minute');
  }
  return plural(secs, 'second');
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

/** Turns a failed POST /auth/login into an AuthError with words a person can act on. */
export function toAuthError(error: unknown): AuthError {
  if (!(error instanceof HttpErrorResponse)) {
    return new AuthError(
      'unreachable',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  switch (error.status) {
    case 0:
      return new AuthError(
        'unreachable',
        'The server could not be reached. Check your connection and try again.',
      );
    case 400:
    case 413:
      return new AuthError('invalid_request', 'Enter a valid email address and a password.');
    case 401:
      return new AuthError('invalid_credentials', 'Wrong email or password.');
    case 429: {
      const wait = parseRetryAfter(error.headers.get('Retry-After'));
      const message =
        wait === undefined
          ? 'Too many sign-in attempts. Please wait a while and try again.'
          : `Too many sign-in attempts. Try again in ${formatWait(wait)}.`;
      return new AuthError('too_many_attempts', message, wait);
    }
    case 503: {
      // The API's password checks are queued; a full queue says when to come back. (Without an
      // answer body, a 503 came from a proxy whose API is down.)
      if (!isApiError(error.error, 'server_busy')) {
        return new AuthError(
          'unreachable',
          'The server could not be reached. Check your connection and try again.',
        );
      }
      const wait = parseRetryAfter(error.headers.get('Retry-After'));
      const message =
        wait === undefined
          ? 'The server is busy signing people in. Please try again in a moment.'
          : `The server is busy signing people in. Try again in ${formatWait(wait)}.`;
      return new AuthError('server_busy', message, wait);
    }
    default:
      return new AuthError(
        'server_error',
        'The server had a problem. Please try again in a moment.',
      );
  }
}
