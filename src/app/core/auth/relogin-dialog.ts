import {
  Component,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormField, FormRoot, form } from '@angular/forms/signals';
import { focusFirstInvalid, shownError } from '../../shared/forms/form-errors';
import { AuthError } from './auth-errors';
import { AuthService } from './auth-service';
import { type SignInModel, signInSchema } from '../../shared/forms/sign-in-rules';

/**
 * The modal that lets a user whose session ended sign in again without leaving the page.
 * Relogin creates it when the session ends and destroys it when the wait is over (a new session,
 * or Cancel), so it has no open/closed state of its own. showModal() makes the rest of the page
 * inert, which is what keeps focus inside.
 */
@Component({
  selector: 'app-relogin-dialog',
  imports: [FormField, FormRoot],
  template: `
    <dialog
      #dialog
      aria-labelledby="relogin-title"
      aria-describedby="relogin-text"
      (cancel)="onEscape($event)"
    >
      <form [formRoot]="signInForm">
        <h2 id="relogin-title" i18n="@@relogin.title">Your session has ended</h2>
        <p id="relogin-text" i18n="@@relogin.text">Sign in again to carry on where you left off.</p>
        <label for="relogin-email" i18n="@@auth.email">Email</label>
        <input
          #emailInput
          id="relogin-email"
          type="email"
          autocomplete="username"
          [formField]="signInForm.email"
          [attr.aria-invalid]="shownError(signInForm.email) !== ''"
          [attr.aria-describedby]="shownError(signInForm.email) ? 'relogin-email-error' : null"
        />
        @if (shownError(signInForm.email); as message) {
          <p class="field-error" id="relogin-email-error">{{ message }}</p>
        }
        <label for="relogin-password" i18n="@@auth.password">Password</label>
        <input
          #passwordInput
          id="relogin-password"
          type="password"
          autocomplete="current-password"
          [formField]="signInForm.password"
          [attr.aria-invalid]="shownError(signInForm.password) !== ''"
          [attr.aria-describedby]="
            shownError(signInForm.password) ? 'relogin-password-error' : null
          "
        />
        @if (shownError(signInForm.password); as message) {
          <p class="field-error" id="relogin-password-error">{{ message }}</p>
        }
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="actions">
          <button
            class="button"
            type="submit"
            [disabled]="signInForm().submitting()"
            i18n="@@auth.signIn"
          >
            Sign in
          </button>
          <button
            class="button secondary"
            type="button"
            (click)="cancelled.emit()"
            [disabled]="signInForm().submitting()"
            i18n="@@common.cancel"
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    form {
      display: grid;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.25rem;
    }
    .error {
      color: #a4001d;
      margin: 0;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
  `,
})
export class ReloginDialog {
  private readonly auth = inject(AuthService);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  /** Who was signed in, so only the password is left to type. */
  readonly email = input('');
  /** The user gave up (Cancel or Escape); Relogin signs out. */
  readonly cancelled = output<void>();

  protected readonly shownError = shownError;
  protected readonly error = signal<string | null>(null);
  private readonly model = linkedSignal<SignInModel>(() => ({ email: this.email(), password: '' }));
  protected readonly signInForm = form(this.model, signInSchema, {
    submission: {
      action: async ({ email, password }) => {
        this.error.set(null);
        try {
          await this.auth.login(email().value().trim(), password().value());
        } catch (error) {
          this.error.set(
            error instanceof AuthError
              ? error.message
              : $localize`:@@auth.signInFailed:Signing in failed. Please try again.`,
          );
          password().value.set('');
          this.passwordInput().nativeElement.focus();
        }
        return undefined;
      },
      onInvalid: (field) => focusFirstInvalid(field),
    },
  });

  /** Called by Relogin once the dialog is rendered. */
  showModal(): void {
    this.dialog().nativeElement.showModal();
    // The email is usually known, so the cursor goes where typing starts.
    (this.email() ? this.passwordInput() : this.emailInput()).nativeElement.focus();
  }

  /** Called by Relogin before it destroys the dialog: close() gives focus back to the page. */
  close(): void {
    this.dialog().nativeElement.close();
  }

  /** Escape would close the native dialog behind our back: treat it as Cancel. */
  protected onEscape(event: Event): void {
    event.preventDefault();
    this.cancelled.emit();
  }
}
