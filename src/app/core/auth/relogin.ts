import {
  ApplicationRef,
  ComponentRef,
  DOCUMENT,
  EnvironmentInjector,
  Injectable,
  createComponent,
  inject,
  signal,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { Subscription, filter, merge } from 'rxjs';
import { AuthEvents } from './auth-events';
import type { AuthUser, ReloginOutcome } from './auth-models';
import { AUTH_OPTIONS } from './auth-options';
import { AuthService } from './auth-service';
import type { ReloginDialog } from './relogin-dialog';
import { isOnGuardedPage } from './route-data';

/**
 * The re-login flow behind the dialog: requests whose session ended on a guarded page wait
 * here; the first one opens the dialog, all share its outcome, so each replays exactly once.
 * The dialog component is created on demand, from a chunk of its own, as Angular apps load
 * dialogs; it is fetched while the browser is idle so it opens at once when needed.
 */
@Injectable({ providedIn: 'root' })
export class Relogin {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly options = inject(AUTH_OPTIONS);
  private readonly appRef = inject(ApplicationRef);
  private readonly injector = inject(EnvironmentInjector);
  private readonly document = inject(DOCUMENT);
  private readonly events = inject(AuthEvents);

  private readonly isOpen = signal(false);
  private pending: Promise<ReloginOutcome> | null = null;
  private settle: ((outcome: ReloginOutcome) => void) | null = null;
  private watch: Subscription | null = null;
  private dialog: ComponentRef<ReloginDialog> | null = null;

  /** Whether the dialog is up (the session ended and the page is being kept). */
  readonly open = this.isOpen.asReadonly();
  /** Who was signed in when the session ended, while the dialog is up. */
  readonly previousUser = signal<AuthUser | null>(null);

  constructor() {
    // Fetched ahead, so the dialog opens at once even if the app was redeployed since the page loaded.
    const whenIdle = this.document.defaultView?.requestIdleCallback ?? setTimeout;
    whenIdle(() => void loadReloginDialog().catch(() => undefined));
  }

  waitForSignIn(previousUser: AuthUser): Promise<ReloginOutcome> {
    if (this.pending) {
      return this.pending;
    }
    this.previousUser.set(previousUser);
    this.isOpen.set(true);
    this.pending = new Promise<ReloginOutcome>((resolve) => (this.settle = resolve));
    this.events.emit({ type: 'relogin-opened' });
    void this.showDialog(this.pending, previousUser);
    // Resolves on any new session, whether signed in through the dialog or in another tab.
    const signedIn = this.auth.sessionChanges.pipe(
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

  /** Gives up: waiting requests fail once, the user signs out and lands on the login page. */
  async cancel(): Promise<void> {
    const returnUrl = this.router.url;
    this.finish('abandoned');
    await this.auth.signOut({ returnUrl });
  }

  private async showDialog(wait: Promise<ReloginOutcome>, previousUser: AuthUser): Promise<void> {
    let component: typeof ReloginDialog;
    try {
      component = await loadReloginDialog();
    } catch {
      // Its chunk could not be fetched (offline, redeployed): the waiting requests fail as they came.
      this.finish('abandoned');
      return;
    }
    // Over, or the app torn down, before the code arrived.
    if (this.pending !== wait || this.appRef.destroyed) {
      return;
    }
    const dialog = createComponent(component, { environmentInjector: this.injector });
    dialog.setInput('email', previousUser.email);
    dialog.instance.cancelled.subscribe(() => void this.cancel());
    this.appRef.attachView(dialog.hostView);
    this.document.body.append(dialog.location.nativeElement);
    dialog.changeDetectorRef.detectChanges();
    dialog.instance.showModal();
    this.dialog = dialog;
  }

  private finish(outcome: ReloginOutcome): void {
    if (this.pending) {
      this.events.emit({ type: outcome === 'resumed' ? 'relogin-resumed' : 'relogin-abandoned' });
    }
    this.watch?.unsubscribe();
    this.watch = null;
    this.dialog?.instance.close();
    this.dialog?.destroy();
    this.dialog = null;
    this.isOpen.set(false);
    this.previousUser.set(null);
    this.settle?.(outcome);
    this.settle = null;
    this.pending = null;
  }
}

function loadReloginDialog(): Promise<typeof ReloginDialog> {
  return import('./relogin-dialog').then((m) => m.ReloginDialog);
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
