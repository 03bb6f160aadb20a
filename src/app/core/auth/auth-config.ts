import {
  EnvironmentInjector,
  EnvironmentProviders,
  DOCUMENT,
  ErrorHandler,
  InjectionToken,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS } from './auth-options';

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
}

/**
 * Configures the auth core and starts what must run without anyone asking: the expiry timer and
 * tab sync. Pair it with `provideHttpClient(withInterceptors([authInterceptor]))`.
 *
 * Those two come from a chunk of their own, fetched once the browser is idle after start-up (at
 * most 500 ms later) and not waited for: the first screen renders without them (the guard checks
 * expiry itself). `AUTH_BACKGROUND` resolves when they run. See docs/auth.md, "What loads when".
 */
export function provideAuth(options: Partial<AuthOptions> = {}): EnvironmentProviders {
  const merged: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...options };
  if (merged.leewaySeconds < 0 || merged.refreshMarginSeconds < 0) {
    throw new Error('provideAuth: leewaySeconds and refreshMarginSeconds must not be negative.');
  }
  return makeEnvironmentProviders([
    { provide: AUTH_OPTIONS, useValue: merged },
    { provide: AUTH_BACKGROUND, useFactory: startBackground },
    provideAppInitializer(() => void inject(AUTH_BACKGROUND)),
  ]);
}

/** Settles once the expiry timer and tab sync run (or their chunk failed to load, reported). */
export const AUTH_BACKGROUND = new InjectionToken<Promise<void>>('AUTH_BACKGROUND');

function startBackground(): Promise<void> {
  const injector = inject(EnvironmentInjector);
  const errors = inject(ErrorHandler);
  const view = inject(DOCUMENT).defaultView;
  return whenIdle(view)
    .then(() => import('./auth-background'))
    .then((m) => {
      if (!injector.destroyed) {
        m.startBackground(injector);
      }
    })
    .catch((error: unknown) => errors.handleError(error));
}

/**
 * After the first screen: the page's own chunk and data go first. The timeout bounds the wait on a
 * busy page (tab sync must follow other tabs within a second).
 */
function whenIdle(view: Window | null): Promise<void> {
  return new Promise((resolve) => {
    if (view?.requestIdleCallback) {
      view.requestIdleCallback(() => resolve(), { timeout: 500 });
    } else {
      setTimeout(resolve);
    }
  });
}
