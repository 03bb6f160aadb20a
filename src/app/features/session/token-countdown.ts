import { DatePipe } from '@angular/common';
import { Component, DestroyRef, LOCALE_ID, computed, inject, input, signal } from '@angular/core';
import { formatWait } from '../../core/auth';

/** Steps of the bar: fine enough for a smooth countdown at any width. */
const STEPS = 1000;

/**
 * The access token's life as a bar that empties towards its expiry, with a mark where the expiry
 * timer renews it, and the same in words. Times are in the client's clock (skew-corrected).
 *
 * The bar is two native <progress> elements, one over the other, set through their `value`: the
 * time left, and (drawn as the end of an otherwise transparent bar) the time left when the refresh
 * is due.
 */
@Component({
  selector: 'app-token-countdown',
  imports: [DatePipe],
  template: `
    @if (expiresAt(); as expiresAt) {
      <!-- The bar says in shape what the sentence under it says in words: hidden from assistive
           technology, which gets the sentence. -->
      <div class="bar" aria-hidden="true">
        <progress class="left" [max]="steps" [value]="leftSteps()"></progress>
        @if (refreshSteps(); as at) {
          <progress class="refresh-mark" [max]="steps" [value]="at"></progress>
        }
      </div>
      <!-- role="timer" is a live region that is off by default: the words change every second, and
           a screen reader reads them when the user gets there instead of announcing every tick. -->
      <div role="timer" class="countdown">
        @if (expiresIn(); as wait) {
          <p i18n="@@countdown.expiresIn">
            The token expires in <strong>{{ wait }}</strong> (<time
              [attr.datetime]="isoTime(expiresAt)"
              >{{ expiresAt | date: 'mediumTime' }}</time
            >).
          </p>
        } @else {
          <p i18n="@@countdown.expired">
            The token has expired (<time [attr.datetime]="isoTime(expiresAt)">{{
              expiresAt | date: 'mediumTime'
            }}</time
            >).
          </p>
        }
        @if (refreshAt(); as refreshAt) {
          @if (refreshIn(); as wait) {
            <p i18n="@@countdown.renewsIn">
              The app renews it silently in <strong>{{ wait }}</strong> (<time
                [attr.datetime]="isoTime(refreshAt)"
                >{{ refreshAt | date: 'mediumTime' }}</time
              >), at the line across the bar.
            </p>
          } @else {
            <p i18n="@@countdown.renewsNow">
              The app renews it silently now (<time [attr.datetime]="isoTime(refreshAt)">{{
                refreshAt | date: 'mediumTime'
              }}</time
              >), at the line across the bar.
            </p>
          }
        }
      </div>
    } @else {
      <p i18n="@@session.noToken">There is no access token: you are signed out.</p>
    }
  `,
  styles: `
    .bar {
      position: relative;
      height: 1.25rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      overflow: hidden;
    }
    progress {
      appearance: none;
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      border: 0;
      background: transparent;
    }
    progress::-webkit-progress-bar {
      background: transparent;
    }
    .left {
      background: var(--bg);
    }
    .left::-webkit-progress-value {
      background: var(--accent);
    }
    .left::-moz-progress-bar {
      background: var(--accent);
    }
    /* Only the end of this bar shows: a line where the time left will be when the refresh is due. */
    .refresh-mark::-webkit-progress-value {
      background: transparent;
      border-right: 3px solid var(--focus);
    }
    .refresh-mark::-moz-progress-bar {
      background: transparent;
      border-right: 3px solid var(--focus);
    }
    .countdown p {
      margin: 0.5rem 0 0;
    }
  `,
})
export class TokenCountdown {
  /** When the token was issued, in the client's clock. */
  readonly issuedAt = input<number | null>(null);
  readonly expiresAt = input<number | null>(null);
  /** When the expiry timer renews the token. */
  readonly refreshAt = input<number | null>(null);

  private readonly locale = inject(LOCALE_ID);
  private readonly now = signal(Date.now());

  protected readonly steps = STEPS;
  protected readonly leftSteps = computed(() => this.shareOfLife(this.expiresAt(), this.now()));
  /** Where the mark sits: the share of the token's life still left when the refresh is due. */
  protected readonly refreshSteps = computed(() => {
    const refreshAt = this.refreshAt();
    return refreshAt === null ? null : this.shareOfLife(this.expiresAt(), refreshAt);
  });
  protected readonly expiresIn = computed(() => this.wait(this.expiresAt()));
  protected readonly refreshIn = computed(() => this.wait(this.refreshAt()));

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected isoTime(at: number): string {
    return new Date(at).toISOString();
  }

  /** How much of the token's life lies between `from` and `until`, in steps of the bar. */
  private shareOfLife(until: number | null, from: number): number {
    const issuedAt = this.issuedAt();
    const expiresAt = this.expiresAt();
    if (until === null || issuedAt === null || expiresAt === null || expiresAt <= issuedAt) {
      return 0;
    }
    const share = (until - from) / (expiresAt - issuedAt);
    return Math.round(Math.min(1, Math.max(0, share)) * STEPS);
  }

  /** Words for the time until `at`, or null once it has come. */
  private wait(at: number | null): string | null {
    const seconds = at === null ? 0 : Math.ceil((at - this.now()) / 1000);
    return seconds > 0 ? formatWait(seconds, this.locale) : null;
  }
}
