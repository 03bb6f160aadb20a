import { DatePipe } from '@angular/common';
import { Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { formatWait } from '../../core/auth';

/**
 * The access token's life as a bar that empties towards its expiry, with a mark where the expiry
 * timer renews it, and the same in words. Times are in the client's clock (skew-corrected).
 */
@Component({
  selector: 'app-token-countdown',
  imports: [DatePipe],
  template: `
    @if (expiresAt(); as expiresAt) {
      <!-- The bar says in shape what the sentence under it says in words: hidden from assistive
           technology, which gets the sentence. -->
      <div class="bar" aria-hidden="true">
        <div class="left" [style.width.%]="leftPercent()"></div>
        @if (refreshPercent(); as at) {
          <div class="refresh-mark" [style.left.%]="at"></div>
        }
      </div>
      <!-- role="timer" is a live region that is off by default: the words change every second, and
           a screen reader reads them when the user gets there instead of announcing every tick. -->
      <div role="timer" class="countdown">
        <p>
          The token
          @if (expiresIn(); as wait) {
            expires in <strong>{{ wait }}</strong>
          } @else {
            has expired
          }
          (<time [attr.datetime]="isoTime(expiresAt)">{{ expiresAt | date: 'mediumTime' }}</time
          >).
        </p>
        @if (refreshAt(); as refreshAt) {
          <p>
            The app renews it silently
            @if (refreshIn(); as wait) {
              in <strong>{{ wait }}</strong>
            } @else {
              now
            }
            (<time [attr.datetime]="isoTime(refreshAt)">{{ refreshAt | date: 'mediumTime' }}</time
            >), at the line across the bar.
          </p>
        }
      </div>
    } @else {
      <p>There is no access token: you are signed out.</p>
    }
  `,
  styles: `
    .bar {
      position: relative;
      height: 1.25rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--bg);
      overflow: hidden;
    }
    .left {
      height: 100%;
      background: var(--accent);
    }
    .refresh-mark {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 3px;
      margin-left: -1px;
      background: var(--focus);
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

  private readonly now = signal(Date.now());

  protected readonly leftPercent = computed(() => this.percentOfLife(this.expiresAt(), this.now()));
  /** Where the mark sits: the share of the token's life still left when the refresh is due. */
  protected readonly refreshPercent = computed(() => {
    const refreshAt = this.refreshAt();
    return refreshAt === null ? null : this.percentOfLife(this.expiresAt(), refreshAt);
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

  /** How much of the token's life lies between `from` and `until`, in percent (0 to 100). */
  private percentOfLife(until: number | null, from: number): number {
    const issuedAt = this.issuedAt();
    const expiresAt = this.expiresAt();
    if (until === null || issuedAt === null || expiresAt === null || expiresAt <= issuedAt) {
      return 0;
    }
    return Math.min(100, Math.max(0, ((until - from) / (expiresAt - issuedAt)) * 100));
  }

  /** Words for the time until `at`, or null once it has come. */
  private wait(at: number | null): string | null {
    const seconds = at === null ? 0 : Math.ceil((at - this.now()) / 1000);
    return seconds > 0 ? formatWait(seconds) : null;
  }
}
