import { Component, computed, ElementRef, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthError } from '../../core/auth/auth-errors';
import { AuthStore } from '../../core/auth/auth-store';
import { sanitizeReturnUrl } from '../../core/auth/return-url';

interface DemoUser {
  name: string;
  email: string;
  password: string;
}

// The mock API's seed users (CONTRACT §3). Shown to developers only; a production build never lists them.
const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Alice Example', email: 'alice@example.com', password: 'alice-password-1' },
  { name: 'Bob Example', email: 'bob@example.com', password: 'bob-password-1' },
  { name: 'Ada Admin (admin)', email: 'admin@example.com', password: 'admin-password-1' },
];

// The HTML spec's "valid e-mail address", the rule browsers apply to type="email".
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

type Field = 'email' | 'password';

// Signals rather than @angular/forms: this is the first page most people load, and two fields do not
// need the forms package (its chunk is larger than the rest of the page several times over).
@Component({
  selector: 'app-login-page',
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly email = signal('');
  protected readonly password = signal('');
  private readonly touched = signal<Record<Field, boolean>>({ email: false, password: false });

  protected readonly errors = computed<Record<Field, string>>(() => {
    const email = this.email().trim();
    return {
      email: !email
        ? 'Enter your email address.'
        : EMAIL_PATTERN.test(email)
          ? ''
          : 'Enter an email address like name@example.com.',
      password: this.password() ? '' : 'Enter your password.',
    };
  });

  // Angular's own dev-mode check (what isDevMode() reads): production builds replace ngDevMode with
  // false, so the demo passwords are not just hidden there but dropped from the bundle.
  protected readonly demoUsers = typeof ngDevMode === 'undefined' || ngDevMode ? DEMO_USERS : [];
  // One line per user as text rather than a repeated <li>: this page is a first screen, and a list
  // directive would be one more chunk to fetch before the form shows.
  protected readonly demoList = this.demoUsers
    .map((user) => `${user.name}\n${user.email} / ${user.password}`)
    .join('\n\n');
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly serverError = signal('');

  /** A field's message once the user has left it or tried to sign in; '' when there is none to show. */
  protected errorShown(field: Field): string {
    return this.touched()[field] || this.submitted() ? this.errors()[field] : '';
  }

  protected touch(field: Field): void {
    this.touched.update((touched) => ({ ...touched, [field]: true }));
  }

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.submitted.set(true);
    if (this.busy()) {
      return;
    }
    const errors = this.errors();
    if (errors.email || errors.password) {
      // Looked up rather than a viewChild query, which costs 7 kB raw in the initial bundle.
      this.host.querySelector<HTMLInputElement>(errors.email ? '#email' : '#password')?.focus();
      return;
    }
    this.busy.set(true);
    this.serverError.set('');
    try {
      await this.auth.login(this.email().trim(), this.password());
      // Read when it is needed: the snapshot follows the URL, and a plain read keeps this first-screen
      // page free of lazy dependencies (one round trip fewer before the form shows).
      await this.router.navigateByUrl(
        sanitizeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')),
      );
    } catch (error) {
      this.serverError.set(describeLoginError(error));
    } finally {
      this.busy.set(false);
    }
  }
}

// The store already words its AuthErrors (including the Retry-After wait); anything else is a bug
// on our side, and people still get a sentence rather than a stack trace.
function describeLoginError(error: unknown): string {
  return error instanceof AuthError ? error.message : 'Signing in failed. Please try again.';
}
