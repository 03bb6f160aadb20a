import {
  EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import type { AuthOptions } from './auth-models';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS } from './auth-options';
import { ExpiryTimer } from './expiry-timer';
import { Inactivity } from './inactivity';
import { TabSync } from './tab-sync';

/**
 * Configures the auth core and starts what must run without anyone asking: the expiry timer,
 * tab sync and, with `idle` set, the inactivity timeout. Pair it with
 * `provideHttpClient(withInterceptors([authInterceptor]))`.
 */
export function provideAuth(options: Partial<AuthOptions> = {}): EnvironmentProviders {
  const merged: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...options };
  if (merged.leewaySeconds < 0 || merged.refreshMarginSeconds < 0) {
    throw new Error('provideAuth: leewaySeconds and refreshMarginSeconds must not be negative.');
  }
  if (
    merged.idle &&
    !(merged.idle.warningSeconds >= 0 && merged.idle.warningSeconds < merged.idle.timeoutSeconds)
  ) {
    throw new Error(
      'provideAuth: idle.warningSeconds must be at least 0 and below timeoutSeconds.',
    );
  }
  return makeEnvironmentProviders([
    { provide: AUTH_OPTIONS, useValue: merged },
    provideAppInitializer(() => {
      inject(TabSync).start();
      inject(ExpiryTimer).start();
      inject(Inactivity).start();
    }),
  ]);
}
