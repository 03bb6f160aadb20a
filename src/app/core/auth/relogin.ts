import { Injectable, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { Subscription, filter, merge } from 'rxjs';
import { isOnGuardedPage } from './auth-guard';
import { AUTH_OPTIONS } from './auth-options';
import { AuthStore, AuthUser } from './auth-store';

/** resumed: the same user is back, replay; abandoned: cancelled or someone else, drop. */
export type ReloginOutcome = 'resumed' | 'abandoned';

/**
 * The re-login flow behind the dialog: requests whose session ended on a guarded page wait
 * here; the first one opens the dialog, all share its outcome, so each replays exactly once.
 */
@Injectable({ providedIn: 'root' })
export class Relogin {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly options = inject(AUTH_OPTIONS);

  private readonly openState = signal(false);
  private readonly previous = signal<AuthUser | null>(null);
  private pending: Promise<ReloginOutcome> | null = null;
  private settle: ((outcome: ReloginOutcome) => void) | null = null;
  private watch: Subscription | null = null;

  /** Whether the dialog should be shown. */
  readonly open = this.openState.asReadonly();
  /** Who was signed in, so the dialog can offer their email. */
  readonly previousUser = this.previous.asReadonly();

  waitForSignIn(previousUser: AuthUser): Promise<ReloginOutcome> {
    if (this.pending) {
      return this.pending;
    }
    this.previous.set(previousUser);
    this.openState.set(true);
    this.pending = new Promise<ReloginOutcome>((resolve) => (this.settle = resolve));
    // Resolves on any new session, whether signed in through the dialog or in another tab.
    const signedIn = this.store.sessionChanges.pipe(
      filter((user): user is AuthUser => user !== null),
    );
    // Leaving the guarded page (browser back, a guard's redirect) leaves nothing to resume.
    const leftPage = this.router.events.pipe(
      filter(
        (event): event is NavigationEnd =>
          event instanceof NavigationEnd && !isOnGuardedPage(this.router),
      ),
    );
    this.watch = merge(signedIn, leftPage).subscribe((next) => {
      if (next instanceof NavigationEnd) {
        this.finish('abandoned');
        return;
      }
      this.finish(next.id === previousUser.id ? 'resumed' : 'abandoned');
      if (next.id !== previousUser.id) {
        void leaveForHome(this.router, this.options.forbiddenPath);
      }
    });
    return this.pending;
  }

  /** Rejects with AuthError (wrong password, …) and leaves the dialog open for another try. */
  async signIn(email: string, password: string): Promise<void> {
    await this.store.login(email, password);
  }

  /** Gives up: waiting requests fail once, the user signs out and lands on the login page. */
  async cancel(): Promise<void> {
    const returnUrl = this.router.url;
    this.finish('abandoned');
    await this.store.signOut(
      this.router.serializeUrl(
        this.router.createUrlTree([this.options.loginPath], { queryParams: { returnUrl } }),
      ),
    );
  }

  private finish(outcome: ReloginOutcome): void {
    this.watch?.unsubscribe();
    this.watch = null;
    this.openState.set(false);
    this.settle?.(outcome);
    this.settle = null;
    this.pending = null;
  }
}

/**
 * Someone else signed in: the page holds the previous user's data, so it is left for '/'.
 * When '/' is the page itself, a detour through the (public, data-free) forbidden page makes
 * the router build it from scratch.
 */
export async function leaveForHome(router: Router, forbiddenPath: string): Promise<void> {
  if (router.url === '/') {
    await router.navigateByUrl(forbiddenPath, { skipLocationChange: true });
  }
  await router.navigateByUrl('/');
}
