import { Component, ElementRef, inject, signal } from '@angular/core';
import { AuthError } from './auth-errors';
import { Relogin } from './relogin';

/**
 * The modal that lets a user whose session ended sign in again without leaving the page.
 * Relogin creates it when the session ends and destroys it when the wait is over, so it has no
 * open/closed state of its own. showModal() makes the rest of the page inert, which is what keeps
 * focus inside.
 */
@Component({
  selector: 'app-relogin-dialog',
  template: `
    <dialog
      aria-labelledby="relogin-title"
      aria-describedby="relogin-text"
      (cancel)="onEscape($event)"
    >
      <form (submit)="submit($event)">
        <h2 id="relogin-title">Your session has ended</h2>
        <p id="relogin-text">Sign in again to carry on where you left off.</p>
        <label for="relogin-email">Email</label>
        <input
          #emailInput
          id="relogin-email"
          name="email"
          type="email"
          autocomplete="username"
          required
          [value]="email()"
          (input)="email.set(emailInput.value)"
        />
        <label for="relogin-password">Password</label>
        <input
          #passwordInput
          id="relogin-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          [value]="password()"
          (input)="password.set(passwordInput.value)"
        />
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="actions">
          <button class="button" type="submit" [disabled]="busy()">Sign in</button>
          <button class="button secondary" type="button" (click)="cancel()" [disabled]="busy()">
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    dialog {
      max-width: min(24rem, calc(100vw - 2rem));
      border: 1px solid #c8c8d0;
      border-radius: 0.5rem;
      padding: 1.5rem;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
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
  private readonly relogin = inject(Relogin);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  protected readonly email = signal(this.relogin.previousUser()?.email ?? '');
  protected readonly password = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  /** Called by Relogin once the dialog is rendered. */
  showModal(): void {
    this.host.querySelector('dialog')?.showModal();
    // The email is usually known, so the cursor goes where typing starts.
    this.host
      .querySelector<HTMLInputElement>(this.email() ? '#relogin-password' : '#relogin-email')
      ?.focus();
  }

  /** Called by Relogin before it destroys the dialog: close() gives focus back to the page. */
  close(): void {
    this.host.querySelector('dialog')?.close();
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.relogin.signIn(this.email().trim(), this.password());
    } catch (error) {
      this.error.set(
        error instanceof AuthError ? error.message : 'Signing in failed. Please try again.',
      );
    } finally {
      this.busy.set(false);
      this.password.set('');
    }
  }

  protected cancel(): Promise<void> {
    return this.relogin.cancel();
  }

  /** Escape would close the native dialog behind our back: treat it as Cancel. */
  protected onEscape(event: Event): void {
    event.preventDefault();
    void this.cancel();
  }
}
