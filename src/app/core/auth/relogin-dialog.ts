import {
  Component,
  ElementRef,
  afterRenderEffect,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { AuthError } from './auth-errors';
import { Relogin } from './relogin';

/**
 * The modal that lets a user whose session ended sign in again without leaving the page.
 * Mounted once in app.html; it opens itself when Relogin asks for it. showModal() makes the
 * rest of the page inert, which is what keeps focus inside.
 */
@Component({
  selector: 'app-relogin-dialog',
  template: `
    <dialog
      #dialog
      aria-labelledby="relogin-title"
      aria-describedby="relogin-text"
      (cancel)="onEscape($event)"
    >
      @if (relogin.open()) {
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
            (input)="email.set(valueOf($event))"
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
            (input)="password.set(valueOf($event))"
          />
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button type="submit" [disabled]="busy()">Sign in</button>
            <button type="button" (click)="cancel()" [disabled]="busy()">Cancel</button>
          </div>
        </form>
      }
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
  protected readonly relogin = inject(Relogin);
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.relogin.open()) {
        this.email.set(this.relogin.previousUser()?.email ?? '');
        this.password.set('');
        this.error.set(null);
        if (!dialog.open) {
          dialog.showModal();
        }
      } else if (dialog.open) {
        dialog.close();
      }
    });
    afterRenderEffect(() => {
      if (this.relogin.open()) {
        // The email is usually known, so the cursor goes where typing starts.
        untracked(() =>
          (this.email() ? this.passwordInput() : this.emailInput())?.nativeElement.focus(),
        );
      }
    });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
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
