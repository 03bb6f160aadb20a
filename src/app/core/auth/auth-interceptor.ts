import { HttpErrorResponse, HttpEvent, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Router } from '@angular/router';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { SKIP_AUTH } from './auth-context';
import { AuthEvents } from './auth-events';
import { AUTH_OPTIONS } from './auth-options';
import { AuthService } from './auth-service';
import { Relogin } from './relogin';
import { isOnGuardedPage } from './route-data';

/** Token endpoints answer 401 for bad credentials or a dead refresh cookie: refreshing would loop. */
const TOKEN_ENDPOINTS = ['/auth/login', '/auth/refresh', '/auth/logout'];

/** Whether `url` (as the request has it) is one the token may be sent to. */
export function isApiUrl(url: string, apiUrls: (string | RegExp)[], baseUrl: string): boolean {
  let target: URL;
  let base: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return false;
  }
  return apiUrls.some((pattern) => {
    if (pattern instanceof RegExp) {
      return pattern.test(target.href);
    }
    if (pattern.startsWith('/')) {
      return target.origin === base.origin && pathMatches(target.pathname, pattern);
    }
    let prefix: URL;
    try {
      prefix = new URL(pattern);
    } catch {
      return false;
    }
    return target.origin === prefix.origin && pathMatches(target.pathname, prefix.pathname);
  });
}

function pathMatches(path: string, prefix: string): boolean {
  if (prefix.endsWith('/')) {
    return path.startsWith(prefix);
  }
  return path === prefix || path.startsWith(`${prefix}/`);
}

function isTokenEndpoint(url: string, baseUrl: string): boolean {
  return isApiUrl(url, TOKEN_ENDPOINTS, baseUrl);
}

/** The code of a 401: the body's `error`, else the `error="…"` of WWW-Authenticate (RFC 6750). */
export function bearerErrorCode(error: HttpErrorResponse): string | null {
  const body: unknown = error.error;
  if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
    return (body as { error: string }).error;
  }
  const header = error.headers?.get('WWW-Authenticate') ?? '';
  return /error="([^"]*)"/.exec(header)?.[1] ?? null;
}

function withToken(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/** 401 codes that are about the access token itself, so a new token may help. */
const TOKEN_PROBLEMS = ['missing_token', 'token_expired', 'invalid_token'];

/** The error a request gets when it was never sent: the session ended, or the refresh got no answer. */
function notSentError(req: HttpRequest<unknown>, sessionEnded: boolean): HttpErrorResponse {
  return sessionEnded
    ? new HttpErrorResponse({
        status: 401,
        statusText: 'Unauthorized',
        url: req.urlWithParams,
        error: { error: 'session_ended', message: 'Your session has ended. Please sign in again.' },
      })
    : new HttpErrorResponse({ status: 0, statusText: 'Unknown Error', url: req.urlWithParams });
}

/**
 * Attaches the access token to API requests only, refreshes it before it would be sent
 * expired, and on a 401 refreshes once (shared) and replays the request once. When the server
 * refuses the refresh during a request made on a guarded page, the request waits for the
 * re-login dialog and is replayed once after the same user signs in again.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const options = inject(AUTH_OPTIONS);
  const baseUrl = inject(DOCUMENT).baseURI;
  if (req.context.get(SKIP_AUTH) || isTokenEndpoint(req.url, baseUrl)) {
    return next(req);
  }
  if (!isApiUrl(req.url, options.apiUrls, baseUrl)) {
    return next(req);
  }
  const auth = inject(AuthService);
  const relogin = inject(Relogin);
  const router = inject(Router);
  const events = inject(AuthEvents);
  const userAtStart = auth.user();
  const send = (token: string | null) => next(withToken(req, token));
  const sendFresh = () => from(auth.freshToken()).pipe(switchMap(send));
  const replayed = (after: 'refresh' | 'sign-in') =>
    // The path only: a query may hold what the user searched for.
    events.emit({
      type: 'request-replayed',
      method: req.method,
      url: req.url.split('?')[0],
      after,
    });

  /** `sent`: the request met the end itself (a 401), rather than waiting unsent for the dialog. */
  const afterSessionEnded = (
    error: HttpErrorResponse,
    sent: boolean,
  ): Observable<HttpEvent<unknown>> => {
    const previousUser = userAtStart ?? (relogin.open() ? relogin.previousUser() : null);
    if (!previousUser || !isOnGuardedPage(router)) {
      return throwError(() => error);
    }
    return from(relogin.waitForSignIn(previousUser)).pipe(
      switchMap((outcome) => {
        if (outcome !== 'resumed') {
          return throwError(() => error);
        }
        if (sent) {
          replayed('sign-in');
        }
        return sendFresh();
      }),
    );
  };

  const onUnauthorized = (error: HttpErrorResponse, sentToken: string | null) => {
    const code = bearerErrorCode(error);
    if ((code !== null && !TOKEN_PROBLEMS.includes(code)) || (!sentToken && !userAtStart)) {
      // Not about our token, or there never was a session to renew: guards handle signing in.
      return throwError(() => error);
    }
    const current = auth.tokenIfFresh();
    if (current && current !== sentToken) {
      // Another request (or tab) refreshed while this one was out: just use the new token.
      replayed('refresh');
      return send(current);
    }
    return from(auth.refreshOutcome('401')).pipe(
      switchMap((outcome) => {
        if (outcome === 'ok') {
          replayed('refresh');
          return sendFresh();
        }
        return outcome === 'refused' ? afterSessionEnded(error, true) : throwError(() => error);
      }),
    );
  };

  if (!userAtStart && relogin.open()) {
    // The page keeps working while the dialog is up: its new requests wait with the others.
    return afterSessionEnded(notSentError(req, true), false);
  }
  return from(auth.freshToken()).pipe(
    switchMap((token) => {
      if (token === null && userAtStart) {
        return auth.signedIn()
          ? throwError(() => notSentError(req, false))
          : afterSessionEnded(notSentError(req, true), false);
      }
      return send(token).pipe(
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse && error.status === 401
            ? onUnauthorized(error, token)
            : throwError(() => error),
        ),
      );
    }),
  );
};
