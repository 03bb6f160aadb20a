import { Injector } from '@angular/core';
import { ExpiryTimer } from './expiry-timer';
import { Relogin } from './relogin';
import { TabSync } from './tab-sync';

/**
 * What the auth core runs without anyone asking: the expiry timer, tab sync, and the re-login
 * flow they share with the interceptor. Nothing on the first screen needs them, so provideAuth
 * loads this module's chunk just after start-up instead of shipping it in the initial bundle.
 */
export function startBackground(injector: Injector): void {
  injector.get(TabSync).start();
  injector.get(ExpiryTimer).start();
  // Constructed now so it fetches the dialog's code while the browser is idle.
  injector.get(Relogin);
}
