import { Injectable, signal } from '@angular/core';
import { Observable, Subject } from 'rxjs';
import type { AuthEvent, AuthEventInput } from './auth-models';

/** How many events `recent` keeps: enough for a page to show what happened, bounded for a tab left open for days. */
const KEPT = 50;

/**
 * What the auth core does, as it happens: signed in or out (and why), token refreshed (and by
 * what), a refresh that failed, a request replayed after a 401, the re-login dialog, a session
 * taken from another tab. Each part of the core tells it here where it does the thing.
 *
 * Read it as a stream (`events$`, each event once, from when you subscribe) or as a signal
 * (`recent`, newest first, including what happened before a page opened). No event carries a token.
 */
@Injectable({ providedIn: 'root' })
export class AuthEvents {
  private readonly stream = new Subject<AuthEvent>();
  private readonly kept = signal<readonly AuthEvent[]>([]);

  readonly events$: Observable<AuthEvent> = this.stream.asObservable();
  /** The latest events of this tab, newest first. */
  readonly recent = this.kept.asReadonly();

  /** For the auth core's own parts: stamps the event with the time and tells every listener. */
  emit(input: AuthEventInput, at = Date.now()): void {
    const event = { ...input, at } as AuthEvent;
    this.kept.update((events) => [event, ...events.slice(0, KEPT - 1)]);
    this.stream.next(event);
  }
}
