import { Injectable, Injector, signal } from '@angular/core';
import type { AuthUser } from './auth-store';
import type { Relogin } from './relogin';

/**
 * Whether the re-login dialog is up, and for whom. The interceptor reads this on every API call,
 * synchronously; the flow behind the dialog (`Relogin`) writes it and is loaded on demand, so the
 * initial bundle carries these two signals rather than the flow (docs/auth.md, "What loads when").
 */
@Injectable({ providedIn: 'root' })
export class ReloginState {
  readonly open = signal(false);
  readonly previousUser = signal<AuthUser | null>(null);
}

/** The re-login flow, from its chunk (normally fetched already, while the browser was idle). */
export function loadRelogin(injector: Injector): Promise<Relogin> {
  return import('./relogin').then((m) => injector.get(m.Relogin));
}
