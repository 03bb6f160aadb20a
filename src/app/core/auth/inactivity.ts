import {
  ApplicationRef,
  ComponentRef,
  DOCUMENT,
  DestroyRef,
  EnvironmentInjector,
  Injectable,
  createComponent,
  inject,
  inputBinding,
  outputBinding,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, UrlTree } from '@angular/router';
import type { SignOutReason } from './auth-models';
import { AUTH_OPTIONS } from './auth-options';
import { AuthService } from './auth-service';
import type { InactivityWarning } from './inactivity-warning';
import { isOnGuardedPage } from './route-data';
import { TokenStorage } from './token-storage';

/** Input that shows someone is at the keyboard; `pointermove` keeps a reading user signed in. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** Other tabs hear of this tab's activity at most this often (and at the end of each such span). */
const BROADCAST_INTERVAL_MS = 5_000;
/** Longer delays overflow setTimeout's 32-bit counter and would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const INACTIVE: SignOutReason = 'inactive';

/**
 * The inactivity timeout (`provideAuth({ idle })`): after `timeoutSeconds` without input in any
 * tab of the origin the session ends the way a sign-out does, after a warning `warningSeconds`
 * before. Tabs share the time of the last activity through TokenStorage (its stored value and the
 * tab messages TabSync already listens to), so each tab computes the same deadline and shows the
 * same warning; a hidden tab's input does not count. The warning comes from a chunk of its own.
 */
@Injectable({ providedIn: 'root' })
export class Inactivity {
  private readonly auth = inject(AuthService);
  private readonly storage = inject(TokenStorage);
  private readonly router = inject(Router);
  private readonly options = inject(AUTH_OPTIONS);
  private readonly appRef = inject(ApplicationRef);
  private readonly injector = inject(EnvironmentInjector);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  private started = false;
  private lastActivity = Date.now();
  private lastBroadcast = Number.NEGATIVE_INFINITY;
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private timeout: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private dialog: ComponentRef<InactivityWarning> | null = null;
  private loadingDialog = false;

  private readonly isWarning = signal(false);
  /** Whether the warning is due (shown once its chunk has arrived). */
  readonly warning = this.isWarning.asReadonly();
  /** Seconds until the session ends, while the warning is due. */
  readonly secondsLeft = signal(0);
  /** The idle time in whole minutes, for the login page's words; null when there is none. */
  readonly timeoutMinutes =
    this.options.idle === null ? null : Math.round(this.options.idle.timeoutSeconds / 60);

  start(): void {
    const view = this.document.defaultView;
    if (this.options.idle === null || !view || this.started) {
      return;
    }
    this.started = true;
    // Opening or reloading the app is activity; the tabs already open hear of it.
    this.lastActivity = Date.now();
    if (this.auth.signedIn()) {
      this.broadcast(this.lastActivity);
    }
    let wasSignedIn = this.auth.signedIn();
    this.auth.sessionChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((user) => {
      // A new sign-in starts the clock afresh; a refresh (same session) does not.
      if (user && !wasSignedIn) {
        this.record(Date.now(), true);
      }
      wasSignedIn = user !== null;
      this.check();
    });
    this.storage
      .activityChanges()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((at) => this.heard(at));

    const onInput = (event: Event) => this.onInput(event);
    const onVisible = () => {
      if (this.document.visibilityState === 'visible') {
        this.check();
      }
    };
    for (const type of ACTIVITY_EVENTS) {
      this.document.addEventListener(type, onInput, { capture: true, passive: true });
    }
    this.document.addEventListener('visibilitychange', onVisible);
    this.destroyRef.onDestroy(() => {
      for (const type of ACTIVITY_EVENTS) {
        this.document.removeEventListener(type, onInput, { capture: true });
      }
      this.document.removeEventListener('visibilitychange', onVisible);
      this.disarm();
      this.clearTrailing();
      this.closeWarning();
    });
    // Fetched ahead, so the warning opens at once even if the app was redeployed since.
    const whenIdle = view.requestIdleCallback ?? setTimeout;
    whenIdle(() => void loadInactivityWarning().catch(() => undefined));
    this.check();
  }

  /**
   * Whether the idle time has run out on a live session: the expiry timer asks, so that an idle
   * session is never renewed (a tab waking from sleep would otherwise refresh before it ends).
   */
  timedOut(now = Date.now()): boolean {
    return this.isPast(now) && this.auth.signedIn();
  }

  /** "Stay signed in": counts as activity, and every tab closes its warning. */
  stay(): void {
    this.record(Date.now(), true);
  }

  /**
   * Where a tab goes whose session another tab ended: the login page with the inactivity words
   * when that tab said so (shared storage) or this tab's idle time ran out too, else null
   * (TabSync's own choice). The first covers a tab whose clock has not caught up yet.
   */
  loginAfterIdleEnd(): UrlTree | null {
    const idleEnd = this.storage.signedOutReason() === INACTIVE || this.isPast(Date.now());
    return this.options.idle !== null && idleEnd ? this.loginTree() : null;
  }

  private isPast(now: number): boolean {
    const idle = this.options.idle;
    return idle !== null && this.started && now >= this.lastActivity + idle.timeoutSeconds * 1000;
  }

  private onInput(event: Event): void {
    if (this.document.visibilityState !== 'visible' || !this.auth.signedIn()) {
      return;
    }
    // Input inside the warning is an answer (or on the way to one: moving to Sign out), not activity.
    const target = event.target;
    if (target instanceof Node && this.dialog?.location.nativeElement.contains(target)) {
      return;
    }
    this.record(Date.now(), this.isWarning());
  }

  /** Activity here: kept, told to other tabs (at once when their warning may be up). */
  private record(at: number, urgent: boolean): void {
    this.lastActivity = Math.max(this.lastActivity, at);
    if (urgent || at - this.lastBroadcast >= BROADCAST_INTERVAL_MS) {
      this.broadcast(at);
    } else {
      // Trailing edge: other tabs never lag behind this one by more than one interval.
      this.trailing ??= setTimeout(
        () => this.broadcast(this.lastActivity),
        this.lastBroadcast + BROADCAST_INTERVAL_MS - at,
      );
    }
    if (this.isWarning()) {
      this.check();
    }
  }

  /** Activity in another tab. */
  private heard(at: number): void {
    if (at > this.lastActivity) {
      this.lastActivity = at;
      this.check();
    }
  }

  private broadcast(at: number): void {
    this.clearTrailing();
    this.lastBroadcast = at;
    this.storage.writeActivity(at);
  }

  /** Shows, updates or closes the warning, ends the session when due, and arms the next step. */
  private check(): void {
    this.disarm();
    const idle = this.options.idle;
    if (idle === null || !this.started || !this.auth.signedIn()) {
      this.closeWarning();
      return;
    }
    const now = Date.now();
    const endsAt = this.lastActivity + idle.timeoutSeconds * 1000;
    const warnAt = endsAt - idle.warningSeconds * 1000;
    if (now >= endsAt) {
      this.closeWarning();
      void this.expire();
      return;
    }
    if (now >= warnAt) {
      this.openWarning(endsAt);
    } else {
      this.closeWarning();
    }
    const next = now >= warnAt ? endsAt : warnAt;
    this.timeout = setTimeout(() => this.check(), Math.min(next - now, MAX_DELAY_MS));
  }

  /** No answer: the same path as a sign-out, but the drafts stay and the login page says why. */
  private async expire(): Promise<void> {
    const returnUrl = isOnGuardedPage(this.router) ? this.router.url : '/';
    await this.auth.signOut({
      returnUrl: returnUrl === '/' ? undefined : returnUrl,
      reason: INACTIVE,
    });
  }

  private loginTree(): UrlTree {
    const returnUrl = isOnGuardedPage(this.router) ? this.router.url : '/';
    return this.router.createUrlTree([this.options.loginPath], {
      queryParams: { ...(returnUrl === '/' ? {} : { returnUrl }), reason: INACTIVE },
    });
  }

  private openWarning(endsAt: number): void {
    const tick = () => this.secondsLeft.set(Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)));
    tick();
    if (this.ticker !== null) {
      clearInterval(this.ticker);
    }
    this.ticker = setInterval(tick, 1000);
    if (!this.isWarning()) {
      this.isWarning.set(true);
      void this.showDialog();
    }
  }

  private closeWarning(): void {
    if (this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
    this.isWarning.set(false);
    this.dialog?.instance.close();
    this.dialog?.destroy();
    this.dialog = null;
  }

  private async showDialog(): Promise<void> {
    if (this.loadingDialog || this.dialog) {
      return;
    }
    this.loadingDialog = true;
    let component: typeof InactivityWarning;
    try {
      component = await loadInactivityWarning();
    } catch {
      // Its chunk could not be fetched: no warning, but the session still ends on time.
      return;
    } finally {
      this.loadingDialog = false;
    }
    // Answered, or the app torn down, before the code arrived.
    if (!this.isWarning() || this.dialog || this.appRef.destroyed) {
      return;
    }
    const dialog = createComponent(component, {
      environmentInjector: this.injector,
      bindings: [
        inputBinding('secondsLeft', this.secondsLeft),
        outputBinding('stay', () => this.stay()),
        outputBinding('signOut', () => void this.auth.signOut()),
      ],
    });
    this.appRef.attachView(dialog.hostView);
    this.document.body.append(dialog.location.nativeElement);
    dialog.changeDetectorRef.detectChanges();
    dialog.instance.showModal();
    this.dialog = dialog;
  }

  private disarm(): void {
    if (this.timeout !== null) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
  }

  private clearTrailing(): void {
    if (this.trailing !== null) {
      clearTimeout(this.trailing);
      this.trailing = null;
    }
  }
}

function loadInactivityWarning(): Promise<typeof InactivityWarning> {
  return import('./inactivity-warning').then((m) => m.InactivityWarning);
}
