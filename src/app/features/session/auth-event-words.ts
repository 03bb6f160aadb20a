import type { AuthEvent, RefreshTrigger, SignedOutReason } from '../../core/auth';

/** Who or what asked for a refresh, as the end of a sentence ("Token refreshed by the timer"). */
const BY: Record<RefreshTrigger, string> = {
  timer: $localize`:Who asked for a token refresh@@event.by.timer:by the timer`,
  '401': $localize`:Who asked for a token refresh@@event.by.401:after the API answered 401`,
  guard: $localize`:Who asked for a token refresh@@event.by.guard:by the page guard`,
  request: $localize`:Who asked for a token refresh@@event.by.request:before a request`,
  'other-tab': $localize`:Who asked for a token refresh@@event.by.otherTab:by another tab`,
};

const SIGNED_OUT: Record<SignedOutReason, string> = {
  user: $localize`:@@event.signedOut.user:Signed out`,
  'other-tab': $localize`:@@event.signedOut.otherTab:Signed out in another tab`,
  inactivity: $localize`:@@event.signedOut.inactivity:Signed out after a time without activity`,
  revoked: $localize`:@@event.signedOut.revoked:The session was ended on the server (this login was signed out elsewhere)`,
  'refresh-refused': $localize`:@@event.signedOut.refreshRefused:The session ended: the server refused to renew it`,
};

/** An auth event in a sentence, for the session page's timeline. */
export function describeAuthEvent(event: AuthEvent): string {
  switch (event.type) {
    case 'signed-in':
      return $localize`:@@event.signedIn:Signed in as ${event.user.name}:name:`;
    case 'session-restored':
      return $localize`:@@event.sessionRestored:Session of ${event.user.name}:name: restored from an earlier visit`;
    case 'session-adopted':
      return $localize`:@@event.sessionAdopted:Another tab signed in as ${event.user.name}:name:; this tab took the session`;
    case 'signed-out':
      return SIGNED_OUT[event.reason];
    case 'token-refreshed':
      return $localize`:@@event.tokenRefreshed:Token refreshed ${BY[event.trigger]}:by:${whenRefreshed(event.secondsBeforeExpiry)}:when:`;
    case 'refresh-failed':
      return event.result === 'refused'
        ? $localize`:@@event.refreshRefused:The server refused to refresh the token (asked ${BY[event.trigger]}:by:)`
        : $localize`:@@event.refreshUnanswered:The token refresh got no answer (asked ${BY[event.trigger]}:by:); the session is kept`;
    case 'request-replayed':
      return event.after === 'refresh'
        ? $localize`:@@event.replayedAfterRefresh:${event.method}:method: ${event.url}:url: replayed after a token refresh`
        : $localize`:@@event.replayedAfterRelogin:${event.method}:method: ${event.url}:url: replayed after signing in again`;
    case 'relogin-opened':
      return $localize`:@@event.reloginOpened:Re-login dialog opened over the page`;
    case 'relogin-resumed':
      return $localize`:@@event.reloginResumed:Signed in again as the same user: the waiting requests carry on`;
    case 'relogin-abandoned':
      return $localize`:@@event.reloginAbandoned:Re-login dialog closed without signing back in: the waiting requests were dropped`;
  }
}

/** ", 60 s before it expired" (or after), to follow a "Token refreshed …" sentence. */
function whenRefreshed(secondsBeforeExpiry: number | null): string {
  if (secondsBeforeExpiry === null) {
    return '';
  }
  return secondsBeforeExpiry >= 0
    ? $localize`:@@event.beforeExpiry:, ${secondsBeforeExpiry}:seconds: s before it expired`
    : $localize`:@@event.afterExpiry:, ${-secondsBeforeExpiry}:seconds: s after it expired`;
}
