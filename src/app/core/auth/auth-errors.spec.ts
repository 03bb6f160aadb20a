import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { AuthError, formatWait, parseRetryAfter, toAuthError } from './auth-errors';

function httpError(status: number, headers: Record<string, string> = {}, error: unknown = null) {
  return new HttpErrorResponse({ status, headers: new HttpHeaders(headers), error });
}

describe('formatWait', () => {
  it('says the wait in words', () => {
    expect(formatWait(45, 'en-US')).toBe('45 seconds');
    expect(formatWait(1, 'en-US')).toBe('1 second');
    expect(formatWait(270, 'en-US')).toBe('4 minutes 30 seconds');
    expect(formatWait(60, 'en-US')).toBe('1 minute');
    expect(formatWait(61, 'en-US')).toBe('1 minute 1 second');
    expect(formatWait(3600, 'en-US')).toBe('1 hour');
    expect(formatWait(3900, 'en-US')).toBe('1 hour 5 minutes');
    expect(formatWait(7200 + 60 * 2, 'en-US')).toBe('2 hours 2 minutes');
  });

  it("uses the language's own words for the amounts, plurals included", () => {
    expect(formatWait(1, 'es')).toBe('1 segundo');
    expect(formatWait(45, 'es')).toBe('45 segundos');
    expect(formatWait(60, 'es')).toBe('1 minuto');
    expect(formatWait(7200, 'es')).toBe('2 horas');
  });

  it('rounds partial seconds up and never goes negative', () => {
    expect(formatWait(0.2, 'en-US')).toBe('1 second');
    expect(formatWait(-5, 'en-US')).toBe('0 seconds');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('270')).toBe(270);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
  });

  it('gives undefined for nothing usable', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(' ')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('toAuthError', () => {
  it('maps each failure to a code and a sentence, never the JSON body', () => {
    const body = { error: 'invalid_credentials', message: 'Invalid email or password' };
    const cases: [HttpErrorResponse | Error, string][] = [
      [httpError(0), 'unreachable'],
      [httpError(400, {}, body), 'invalid_request'],
      [httpError(401, {}, body), 'invalid_credentials'],
      [httpError(500, {}, body), 'server_error'],
      [httpError(502), 'server_error'],
      [new Error('fetch failed'), 'unreachable'],
    ];
    for (const [error, code] of cases) {
      const mapped = toAuthError(error, 'en-US');
      expect(mapped).toBeInstanceOf(AuthError);
      expect(mapped.code)
        .withContext(String(code))
        .toBe(code as AuthError['code']);
      expect(mapped.message).not.toContain('{');
      expect(mapped.message.length).toBeGreaterThan(10);
    }
  });

  it('tells how long to wait after too many attempts', () => {
    const mapped = toAuthError(httpError(429, { 'Retry-After': '270' }), 'en-US');
    expect(mapped.code).toBe('too_many_attempts');
    expect(mapped.retryAfterSeconds).toBe(270);
    expect(mapped.message).toBe('Too many sign-in attempts. Try again in 4 minutes 30 seconds.');
  });

  it('tells a busy server (a full queue of sign-ins) from one that cannot be reached', () => {
    const busy = { error: 'server_busy', message: 'Too many sign-ins at once' };
    const mapped = toAuthError(httpError(503, { 'Retry-After': '5' }, busy), 'en-US');
    expect(mapped.code).toBe('server_busy');
    expect(mapped.retryAfterSeconds).toBe(5);
    expect(mapped.message).toBe('The server is busy signing people in. Try again in 5 seconds.');
    expect(toAuthError(httpError(503, {}, busy), 'en-US').message).toContain(
      'try again in a moment',
    );
    expect(toAuthError(httpError(503), 'en-US').code).toBe('unreachable');
  });

  it('still explains a 429 without Retry-After', () => {
    const mapped = toAuthError(httpError(429), 'en-US');
    expect(mapped.retryAfterSeconds).toBeUndefined();
    expect(mapped.message).toContain('Too many sign-in attempts');
  });
});
