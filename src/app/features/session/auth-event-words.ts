import type { AuthEvent, RefreshTrigger, SignedOutReason } from '../../core/auth';

const BY: Record<RefreshTrigger, string> = {
  timer: 'by the timer',
  '401': 'after the API answered 401',
  guard: 'by the page guard',
  request: 'before a request',
  'other-tab': 'by another tab',
};

const SIGNED_OUT: Record<SignedOutReason, string> = {
  user: 'Signed out',
  'other-tab': 'Signed out in another tab',
  inactivity: 'Signed out after a time without activity',
  revoked: 'The session was ended on the server (this login was signed out elsewhere)',
  'refresh-refused': 'The session ended: the server refused to renew it',
};

/** An auth event in a sentence, for the session page's timeline. */
export function describeAuthEvent(event: AuthEvent): string {
  switch (event.type) {
    case 'signed-in':
      return `Signed in as ${event.user.name}`;
    case 'session-restored':
      return `Session of ${event.user.name} restored from an earlier visit`;
    case 'session-adopted':
      return `Another tab signed in as ${event.user.name}; this tab took the session`;
    case 'signed-out':
      return SIGNED_OUT[event.reason];
    case 'token-refreshed':
      return `Token refreshed ${BY[event.trigger]}${whenRefreshed(event.secondsBeforeExpiry)}`;
    case 'refresh-failed':
      return event.result === 'refused'
        ? `The server refused to refresh the token (asked ${BY[event.trigger]})`
        : `The token refresh got no answer (asked ${BY[event.trigger]}); the session is kept`;
    case 'request-replayed':
      return `${event.method} ${event.url} replayed after ${
        event.after === 'refresh' ? 'a token refresh' : 'signing in again'
      }`;
    case 'relogin-opened':
      return 'Re-login dialog opened over the page';
    case 'relogin-resumed':
      return 'Signed in again as the same user: the waiting requests carry on';
    case 'relogin-abandoned':
      return 'Re-login dialog closed without signing back in: the waiting requests were dropped';
  }
}

function whenRefreshed(secondsBeforeExpiry: number | null): string {
  if (secondsBeforeExpiry === null) {
    return '';
  }
  return secondsBeforeExpiry >= 0
    ? `, ${secondsBeforeExpiry} s before it expired`
    : `, ${-secondsBeforeExpiry} s after it expired`;
}
