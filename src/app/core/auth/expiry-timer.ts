import { DOCUMENT, DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { AUTH_OPTIONS } from './auth-options';
import { AuthService } from './auth-service';
import { Inactivity } from './inactivity';
import { Relogin } from './relogin';
import { isOnGuardedPage } from './route-data';

/**
 * setTimeout stalls while a laptop sleeps and is throttled in background tabs, so a heartbeat
 * re-reads the wall clock: after a wake-up the due refresh happens within one beat.
 */
const HEARTBEAT_MS = 10_000;
/** Longer delays overflow setTimeout's 32-bit counter and would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Refreshes the access token shortly before it expires, from the token's `exp` in the client's
 * clock (skew-corrected), never from when it was stored. Re-armed on every session change
 * (sign-in, refresh, another tab, reload) and on wake-up.
 */
@Injectable({ providedIn: 'root' })
export class ExpiryTimer {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly relogin = inject(Relogin);
  private readonly inactivity = inject(Inactivity);
  private readonly options = inject(AUTH_OPTIONS);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private timeout: ReturnType<typeof setTimeout> | null = null;
  private firing = false;

  start(): void {
    const view = this.document.defaultView;
    if (!view) {
      return;
    }
    this.auth.sessionChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.arm());
    const onVisible = () => {
      if (this.document.visibilityState === 'visible') {
        this.check();
      }
    };
    const onOnline = () => this.check();
    this.document.addEventListener('visibilitychange', onVisible);
    view.addEventListener('online', onOnline);
    const heartbeat = setInterval(() => this.check(), HEARTBEAT_MS);
    this.destroyRef.onDestroy(() => {
      this.document.removeEventListener('visibilitychange', onVisible);
      view.removeEventListener('online', onOnline);
      clearInterval(heartbeat);
      this.disarm();
    });
    // After a reload the stored token may already be due: refresh now, not on a later tick.
    this.check();
  }

  /** Refreshes now if due, else (re)schedules. */
  check(): void {
    const due = this.auth.refreshDueAt();
    if (due === null) {
      this.disarm();
    } else if (Date.now() >= due) {
      void this.fire();
    } else {
      this.arm();
    }
  }

  private arm(): void {
    this.disarm();
    const due = this.auth.refreshDueAt();
    if (due !== null) {
      const delay = Math.min(Math.max(0, due - Date.now()), MAX_DELAY_MS);
      this.timeout = setTimeout(() => this.check(), delay);
    }
  }

  private disarm(): void {
    if (this.timeout !== null) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
  }

  private async fire(): Promise<void> {
    // An idle session is not renewed: the inactivity timeout ends it instead.
    if (this.firing || this.inactivity.timedOut()) {
      return;
    }
    this.firing = true;
    this.disarm();
    try {
      const outcome = await this.auth.refreshOutcome('timer');
      if (outcome === 'refused') {
        await this.toLogin();
      }
    } finally {
      this.firing = false;
    }
  }

  /**
   * The session ended with nobody navigating: leave the guarded page for the login page. Not
   * while a navigation runs (its guard redirects with the right returnUrl) nor while the
   * re-login dialog is up (a request found the end first and the page is being kept).
   */
  private async toLogin(): Promise<void> {
    if (this.router.currentNavigation() || this.relogin.open() || !isOnGuardedPage(this.router)) {
      return;
    }
    const returnUrl = this.router.url;
    await this.router.navigate([this.options.loginPath], {
      queryParams: returnUrl === '/' ? {} : { returnUrl },
    });
  }
}
