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
