import { DecimalPipe } from '@angular/common';
import { Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormField, FormRoot, form } from '@angular/forms/signals';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthError, AuthService, Inactivity, sanitizeReturnUrl } from '../../core/auth';
import { focusFirstInvalid, shownError } from '../../shared/forms/form-errors';
import { type SignInModel, signInSchema } from '../../shared/forms/sign-in-rules';

interface DemoUser {
  name: string;
  email: string;
  password: string;
}

// The mock API's seed users (CONTRACT §3), shown to developers only; scripts/demo-users.test.js
// checks that this list, the seed, the README and the test helpers agree.
const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Alice Example', email: 'alice@example.com', password: 'alice-password-1' },
  { name: 'Bob Example', email: 'bob@example.com', password: 'bob-password-1' },
  { name: 'Ada Admin (admin)', email: 'admin@example.com', password: 'admin-password-1' },
];

@Component({
  selector: 'app-login-page',
  imports: [DecimalPipe, FormField, FormRoot],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly shownError = shownError;
  private readonly model = signal<SignInModel>({ email: '', password: '' });
  protected readonly signInForm = form(this.model, signInSchema, {
    submission: {
      action: ({ email, password }) => this.signIn(email().value().trim(), password().value()),
      onInvalid: (field) => focusFirstInvalid(field),
    },
  });

  // Angular's own dev-mode check (what isDevMode() reads): production builds replace ngDevMode with
  // false, so the demo passwords are not just hidden there but dropped from the bundle.
  protected readonly demoUsers = typeof ngDevMode === 'undefined' || ngDevMode ? DEMO_USERS : [];
  protected readonly showPassword = signal(false);
  protected readonly serverError = signal('');

  /** Minutes of inactivity before a sign-out (0 under a minute; null with no timeout). */
  protected readonly idleMinutes = inject(Inactivity).timeoutMinutes;
  private readonly reason = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  /** The app signed the user out for inactivity (`?reason=inactive`); not after a deliberate sign-out. */
  protected readonly signedOutForInactivity = computed(
    () => this.reason().get('reason') === 'inactive',
  );

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  private async signIn(email: string, password: string): Promise<undefined> {
    this.serverError.set('');
    try {
      await this.auth.login(email, password);
      await this.router.navigateByUrl(
        sanitizeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')),
      );
    } catch (error) {
      // The service words its AuthErrors (including the Retry-After wait); anything else is a bug on
      // our side, and people still get a sentence rather than a stack trace.
      this.serverError.set(
        error instanceof AuthError
          ? error.message
          : $localize`:@@auth.signInFailed:Signing in failed. Please try again.`,
      );
    }
    return undefined;
  }
}
