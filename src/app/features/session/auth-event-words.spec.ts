import type { AuthEvent } from '../../core/auth';
import { describeAuthEvent } from './auth-event-words';

const ADA = { id: 3, email: 'admin@example.com', name: 'Ada Admin', roles: ['user', 'admin'] };
const at = 0;

describe('describeAuthEvent', () => {
  it('words every kind of event', () => {
    const cases: [AuthEvent, string][] = [
      [{ type: 'signed-in', at, user: ADA }, 'Signed in as Ada Admin'],
      [
        { type: 'session-restored', at, user: ADA },
        'Session of Ada Admin restored from an earlier visit',
      ],
      [
        { type: 'session-adopted', at, user: ADA },
        'Another tab signed in as Ada Admin; this tab took the session',
      ],
      [{ type: 'signed-out', at, reason: 'user' }, 'Signed out'],
      [{ type: 'signed-out', at, reason: 'other-tab' }, 'Signed out in another tab'],
      [
        { type: 'signed-out', at, reason: 'inactivity' },
        'Signed out after a time without activity',
      ],
      [
        { type: 'signed-out', at, reason: 'revoked' },
        'The session was ended on the server (this login was signed out elsewhere)',
      ],
      [
        { type: 'signed-out', at, reason: 'refresh-refused' },
        'The session ended: the server refused to renew it',
      ],
      [
        { type: 'token-refreshed', at, trigger: 'timer', secondsBeforeExpiry: 60, expiresAt: 1 },
        'Token refreshed by the timer, 60 s before it expired',
      ],
      [
        { type: 'token-refreshed', at, trigger: '401', secondsBeforeExpiry: 250, expiresAt: 1 },
        'Token refreshed after the API answered 401, 250 s before it expired',
      ],
      [
        { type: 'token-refreshed', at, trigger: 'guard', secondsBeforeExpiry: -30, expiresAt: 1 },
        'Token refreshed by the page guard, 30 s after it expired',
      ],
      [
        { type: 'token-refreshed', at, trigger: 'request', secondsBeforeExpiry: 5, expiresAt: 1 },
        'Token refreshed before a request, 5 s before it expired',
      ],
      [
        {
          type: 'token-refreshed',
          at,
          trigger: 'other-tab',
          secondsBeforeExpiry: null,
          expiresAt: 1,
        },
        'Token refreshed by another tab',
      ],
      [
        { type: 'refresh-failed', at, trigger: 'timer', result: 'refused' },
        'The server refused to refresh the token (asked by the timer)',
      ],
      [
        { type: 'refresh-failed', at, trigger: '401', result: 'no-answer' },
        'The token refresh got no answer (asked after the API answered 401); the session is kept',
      ],
      [
        { type: 'request-replayed', at, method: 'PUT', url: '/api/notes/4', after: 'refresh' },
        'PUT /api/notes/4 replayed after a token refresh',
      ],
      [
        { type: 'request-replayed', at, method: 'GET', url: '/auth/me', after: 'sign-in' },
        'GET /auth/me replayed after signing in again',
      ],
      [{ type: 'relogin-opened', at }, 'Re-login dialog opened over the page'],
      [
        { type: 'relogin-resumed', at },
        'Signed in again as the same user: the waiting requests carry on',
      ],
      [
        { type: 'relogin-abandoned', at },
        'Re-login dialog closed without signing back in: the waiting requests were dropped',
      ],
    ];
    for (const [event, words] of cases) {
      expect(describeAuthEvent(event)).withContext(JSON.stringify(event)).toBe(words);
    }
  });
});
