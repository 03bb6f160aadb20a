import {
  ApplicationRef,
  ComponentRef,
  DOCUMENT,
  EnvironmentInjector,
  Injectable,
  createComponent,
  inject,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { Subscription, filter, merge } from 'rxjs';
import { isOnGuardedPage } from './auth-guard';
import { AUTH_OPTIONS } from './auth-options';
import { AuthStore, AuthUser } from './auth-store';
import type { ReloginDialog } from './relogin-dialog';
import { ReloginState } from './relogin-state';

/** resumed: the same user is back, replay; abandoned: cancelled or someone else, drop. */
export type ReloginOutcome = 'resumed' | 'abandoned';

/**
 * The dialog's code: a chunk of its own, not in the app shell (app.html), where it and what it
 * used cost 5.4 kB raw of the initial bundle (docs/development.md, "Bundle size"). Not @defer,
 * whose runtime costs more than that.
 */
export function loadReloginDialog(): Promise<typeof ReloginDialog> {
  return import('./relogin-dialog').then((m) => m.ReloginDialog);
}

/**
 * The re-login flow behind the dialog: requests whose session ended on a guarded page wait
 * here; the first one opens the dialog, all share its outcome, so each replays exactly once.
 * Loaded with the expiry timer and tab sync (auth-background.ts), not in the initial bundle; the
 * interceptor reaches it through loadRelogin() and reads ReloginState meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class Relogin {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly options = inject(AUTH_OPTIONS);
  private readonly appRef = inject(ApplicationRef);
  private readonly injector = inject(EnvironmentInjector);
  private readonly document = inject(DOCUMENT);

  private readonly state = inject(ReloginState);
  private pending: Promise<ReloginOutcome> | null = null;
  private settle: ((outcome: ReloginOutcome) => void) | null = null;
  private watch: Subscription | null = null;
  private dialog: ComponentRef<ReloginDialog> | null = null;

  /** Whether the dialog should be shown. */
  readonly open = this.state.open.asReadonly();
  /** Who was signed in, so the dialog can offer their email. */
  readonly previousUser = this.state.previousUser.asReadonly();

  constructor() {
    // Fetched while the browser is idle, so the dialog opens at once when it is needed, even if
    // the app was redeployed since the page loaded.
    const whenIdle = this.document.defaultView?.requestIdleCallback ?? setTimeout;
    whenIdle(() => void loadReloginDialog());
  }

  waitForSignIn(previousUser: AuthUser): Promise<ReloginOutcome> {
    if (this.pending) {
      return this.pending;
    }
    this.state.previousUser.set(previousUser);
    this.state.open.set(true);
    this.pending = new Promise<ReloginOutcome>((resolve) => (this.settle = resolve));
    void this.showDialog(this.pending);
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

  private async showDialog(wait: Promise<ReloginOutcome>): Promise<void> {
    const component = await loadReloginDialog();
    // Over, or the app torn down, before the code arrived.
    if (this.pending !== wait || this.appRef.destroyed) {
      return;
    }
    const dialog = createComponent(component, { environmentInjector: this.injector });
    this.appRef.attachView(dialog.hostView);
    this.document.body.append(dialog.location.nativeElement);
    dialog.changeDetectorRef.detectChanges();
    dialog.instance.showModal();
    this.dialog = dialog;
  }

  private finish(outcome: ReloginOutcome): void {
    this.watch?.unsubscribe();
    this.watch = null;
    this.dialog?.instance.close();
    this.dialog?.destroy();
    this.dialog = null;
    this.state.open.set(false);
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
