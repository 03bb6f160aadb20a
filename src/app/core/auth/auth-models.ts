/**
 * The auth core's types, in a file that imports nothing: every other file of the core may use
 * them without importing a file that imports it back.
 */

/** The signed-in user, as the API's token endpoints and `/auth/me` describe them. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  roles: string[];
}

/** An access token's claims: those the core relies on, and whatever else the token carries. */
export interface AccessClaims {
  sub: string;
  exp: number;
  iat?: number;
  email: string;
  name: string;
  roles: string[];
  [claim: string]: unknown;
}

/** What `provideAuth()` accepts; every field has a default (see DEFAULT_AUTH_OPTIONS). */
export interface AuthOptions {
  /**
   * Where the access token may be sent. A string starting with '/' is a same-origin path prefix
   * ('/api/' matches '/api/notes'; '/auth/me' matches exactly that path); any other string is an
   * absolute URL prefix ('https://api.example.com/'); a RegExp is tested against the absolute URL.
   */
  apiUrls: (string | RegExp)[];
  storage: 'local' | 'session' | 'memory';
  /** A token this close to `exp` counts as expired and is refreshed before use, never sent. */
  leewaySeconds: number;
  /** The expiry timer refreshes this long before `exp`. */
  refreshMarginSeconds: number;
  loginPath: string;
  forbiddenPath: string;
  /**
   * Builds the user from the access token's claims. The default reads `sub`, `email`, `name` and
   * `roles`; an app whose tokens carry roles elsewhere (e.g. Keycloak's `realm_access.roles`)
   * maps them here, without touching the core.
   */
  mapUser: (claims: AccessClaims) => AuthUser;
  /**
   * Signs the user out after this long without pointer, key, wheel or touch input in any tab,
   * warning them `warningSeconds` before. Null (the default): no inactivity timeout.
   */
  idle: IdleOptions | null;
}

/** The inactivity timeout of `provideAuth({ idle })`. */
export interface IdleOptions {
  /** Time without activity after which the session ends. */
  timeoutSeconds: number;
  /** How long before that the warning opens; shorter than `timeoutSeconds`. */
  warningSeconds: number;
}

/** Why the app signed the user out, when it was not the user's own choice (`?reason=` on the login page). */
export type SignOutReason = 'inactive';

/** ok: new token; refused: the server ended the session; failed: no answer, session kept. */
export type RefreshOutcome = 'ok' | 'refused' | 'failed';

/**
 * What set a refresh off: the expiry timer, a 401 from the API, a guard's silent refresh, a token
 * about to be sent too close to its expiry (`freshToken()`), or another tab (this tab took the
 * token another tab had just refreshed).
 */
export type RefreshTrigger = 'timer' | '401' | 'guard' | 'request' | 'other-tab';

/** resumed: the same user is back, replay; abandoned: cancelled or someone else, drop. */
export type ReloginOutcome = 'resumed' | 'abandoned';

/**
 * Who may see a page: what `guarded()` puts in a route's `data` (under AUTH_ROUTE_DATA), and what
 * `AuthService.allows()` checks in templates. Every rule given must hold; none given: anyone
 * signed in. Signed in but not allowed → the forbidden page.
 */
export interface AuthRouteData {
  /** Roles the user must all have. */
  roles?: readonly string[];
  /** Roles of which the user must have at least one. */
  anyRole?: readonly string[];
  /** Anything roles cannot say, decided from the user. */
  allow?: (user: AuthUser) => boolean;
}

/** The key of AuthRouteData in a route's `data`. */
export const AUTH_ROUTE_DATA = 'auth';

/** An access token as the session page shows it: decoded, never the token itself or its signature. */
export interface DecodedToken {
  /** The JOSE header (`alg`, `typ`…). */
  header: Record<string, unknown>;
  claims: AccessClaims;
}

/** One login of the user as `GET /auth/sessions` lists it (CONTRACT §4). */
export interface LoginSession {
  id: string;
  /** ISO 8601 times, in the server's clock. */
  createdAt: string;
  lastUsedAt: string;
  /** A short label from the User-Agent, e.g. "Chrome on Linux". */
  device: string;
  /** The login this browser is signed in with. */
  current: boolean;
}

/**
 * Why a session ended here. user: the user signed out (the header, the inactivity warning, Cancel
 * in the re-login dialog); other-tab: another tab of this browser signed out; inactivity: the idle
 * time ran out; revoked: the API refused the token of a request and then its login (the login was
 * ended elsewhere: another device, an admin); refresh-refused: the server would not renew it.
 */
export type SignedOutReason = 'user' | 'other-tab' | 'inactivity' | 'revoked' | 'refresh-refused';

/**
 * What the auth core did, as `AuthEvents` tells it (`events$`, `recent`). Discriminated by `type`;
 * `at` is the client time (ms since the epoch) it happened. No event carries a token.
 */
export type AuthEvent =
  /** Signed in through the login form or the re-login dialog. */
  | { type: 'signed-in'; at: number; user: AuthUser }
  /** The app started with a session stored by an earlier visit (or another tab). */
  | { type: 'session-restored'; at: number; user: AuthUser }
  /** Another tab signed in (or in again, as someone else perhaps) and this tab took its session. */
  | { type: 'session-adopted'; at: number; user: AuthUser }
  | { type: 'signed-out'; at: number; reason: SignedOutReason }
  /**
   * A new access token for the same login. `secondsBeforeExpiry`: how long the previous token had
   * left when the refresh started (negative once it had expired); `expiresAt` is the new one's.
   */
  | {
      type: 'token-refreshed';
      at: number;
      trigger: RefreshTrigger;
      secondsBeforeExpiry: number | null;
      expiresAt: number;
    }
  /** refused: the server ended the session (a `signed-out` follows); no-answer: the session is kept. */
  | { type: 'refresh-failed'; at: number; trigger: RefreshTrigger; result: 'refused' | 'no-answer' }
  /** A request sent again after a 401: with a refreshed token, or after signing in again. */
  | {
      type: 'request-replayed';
      at: number;
      method: string;
      url: string;
      after: 'refresh' | 'sign-in';
    }
  | { type: 'relogin-opened'; at: number }
  /** The same user signed in again: the waiting requests are replayed. */
  | { type: 'relogin-resumed'; at: number }
  /** Cancelled, left the page, or someone else signed in: the waiting requests fail. */
  | { type: 'relogin-abandoned'; at: number };

/** The type names of AuthEvent, e.g. for a switch or a filter. */
export type AuthEventType = AuthEvent['type'];

/** An AuthEvent before it is stamped with its time (the union stays discriminated). */
export type AuthEventInput = DistributiveOmitAt<AuthEvent>;
type DistributiveOmitAt<E> = E extends unknown ? Omit<E, 'at'> : never;
