import {
  Component,
  ElementRef,
  LOCALE_ID,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { formatWait } from './auth-errors';

/**
 * The time left rounded up to a coarse step (whole minutes, then tens of seconds), so what a
 * screen reader announces changes a few times during the warning, not every second.
 */
export function coarseSeconds(seconds: number): number {
  const step = seconds > 60 ? 60 : 10;
  return Math.max(0, Math.ceil(seconds / step) * step);
}

/**
 * The warning before an inactivity sign-out. Inactivity creates it when the warning is due and
 * destroys it when activity, an answer or the end of the session makes it moot, so it has no
 * open/closed state of its own. showModal() makes the rest of the page inert.
 */
@Component({
  selector: 'app-inactivity-warning',
  template: `
    <dialog
      #dialog
      role="alertdialog"
      aria-labelledby="inactivity-title"
      aria-describedby="inactivity-text"
      (cancel)="onEscape($event)"
    >
      <h2 id="inactivity-title" i18n="@@inactivity.title">Are you still there?</h2>
      <p id="inactivity-text" i18n="@@inactivity.text">
        You have been inactive for a while. For your security you will be signed out in
        {{ timeLeft() }}.
      </p>
      <p class="visually-hidden" aria-live="polite" i18n="@@inactivity.announcement">
        {{ announcedTimeLeft() }} left before you are signed out.
      </p>
      <div class="actions">
        <button
          #stayButton
          class="button"
          type="button"
          (click)="stay.emit()"
          i18n="@@inactivity.stay"
        >
          Stay signed in
        </button>
        <button
          class="button secondary"
          type="button"
          (click)="signOut.emit()"
          i18n="@@auth.signOut"
        >
          Sign out
        </button>
      </div>
    </dialog>
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class InactivityWarning {
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly stayButton = viewChild.required<ElementRef<HTMLButtonElement>>('stayButton');

  /** Seconds until the session ends; Inactivity updates it as the clock runs. */
  readonly secondsLeft = input(0);
  /** The user answered "Stay signed in" (or Escape, which dismisses the warning). */
  readonly stay = output<void>();
  /** The user chose to sign out now. */
  readonly signOut = output<void>();

  private readonly locale = inject(LOCALE_ID);
  protected readonly timeLeft = computed(() => formatWait(this.secondsLeft(), this.locale));
  // The visible sentence counts every second; the live region only at coarse steps.
  protected readonly announcedTimeLeft = computed(() =>
    formatWait(coarseSeconds(this.secondsLeft()), this.locale),
  );

  /** Called by Inactivity once the dialog is rendered. */
  showModal(): void {
    this.dialog().nativeElement.showModal();
    this.stayButton().nativeElement.focus();
  }

  /** Called by Inactivity before it destroys the dialog: close() gives focus back to the page. */
  close(): void {
    this.dialog().nativeElement.close();
  }

  /** Escape would close the native dialog behind our back: dismissing the warning is staying. */
  protected onEscape(event: Event): void {
    event.preventDefault();
    this.stay.emit();
  }
}
