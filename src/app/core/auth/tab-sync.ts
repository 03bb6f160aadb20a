import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { AUTH_OPTIONS } from './auth-options';
import { Inactivity } from './inactivity';
import { AuthService } from './auth-service';
import { Relogin, leaveForHome } from './relogin';
import { sanitizeReturnUrl } from './return-url';
import { isOnGuardedPage } from './route-data';
import { TokenStorage } from './token-storage';

/**
 * Mirrors sign-in, refresh and sign-out of other tabs (storage event or BroadcastChannel, both
 * immediate) into this tab's store, and moves this tab off pages that no longer fit.
 */
@Injectable({ providedIn: 'root' })
export class TabSync {
  private readonly auth = inject(AuthService);
  private readonly storage = inject(TokenStorage);
  private readonly router = inject(Router);
  private readonly relogin = inject(Relogin);
  private readonly inactivity = inject(Inactivity);
  private readonly options = inject(AUTH_OPTIONS);
  private readonly destroyRef = inject(DestroyRef);

  start(): void {
    this.storage
      .changes()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.sync());
    // Whatever another tab did before this one listened (e.g. while the app was starting).
    void this.sync();
  }

  private async sync(): Promise<void> {
    const before = this.auth.user();
    const outcome = this.auth.syncFromStorage();
    // While the dialog is up it decides where the page goes (it watches the session itself).
    if (outcome === 'unchanged' || this.relogin.open()) {
      return;
    }
    const onGuardedPage = isOnGuardedPage(this.router);
    if (outcome === 'ended') {
      if (onGuardedPage) {
        // Ended for inactivity in another tab: this tab says so too.
        await this.router.navigateByUrl(
          this.inactivity.loginAfterIdleEnd() ?? this.options.loginPath,
        );
      }
      return;
    }
    const after = this.auth.user();
    if (before && after && before.id !== after.id && onGuardedPage) {
      // Another user signed in elsewhere: this page shows the previous user's data.
      await leaveForHome(this.router, this.options.forbiddenPath);
    } else if (this.onLoginPage()) {
      const returnUrl = this.router.parseUrl(this.router.url).queryParams['returnUrl'];
      await this.router.navigateByUrl(sanitizeReturnUrl(returnUrl));
    }
  }

  private onLoginPage(): boolean {
    const tree = this.router.parseUrl(this.router.url);
    const path = '/' + (tree.root.children['primary']?.segments.map((s) => s.path).join('/') ?? '');
    return path === this.options.loginPath;
  }
}
