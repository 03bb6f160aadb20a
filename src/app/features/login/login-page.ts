import { Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
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

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  // Angular's own dev-mode check (what isDevMode() reads): production builds replace ngDevMode with
  // false, so the demo passwords are not just hidden there but dropped from the bundle.
  protected readonly demoUsers = typeof ngDevMode === 'undefined' || ngDevMode ? DEMO_USERS : [];
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly serverError = signal('');
  private readonly returnUrl = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });

  protected showErrors(control: 'email' | 'password'): boolean {
    const field = this.form.controls[control];
    return field.invalid && (field.touched || this.submitted());
  }

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      const first = this.form.controls.email.invalid ? this.emailInput() : this.passwordInput();
      first.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.serverError.set('');
    const { email, password } = this.form.getRawValue();
    try {
      await this.auth.login(email.trim(), password);
      await this.router.navigateByUrl(sanitizeReturnUrl(this.returnUrl().get('returnUrl')));
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
