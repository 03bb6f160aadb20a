import { DatePipe } from '@angular/common';
import { Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { formatWait } from '../../core/auth';

/** The session's times, with the time left counting down every second. */
@Component({
  selector: 'app-session-times',
  imports: [DatePipe],
  template: `
    <dl class="details">
      <div>
        <dt>Signed in at</dt>
        <dd>
          @if (signedInAt(); as at) {
            <time [attr.datetime]="at.toISOString()">{{ at | date: 'medium' }}</time>
          } @else {
            Unknown
          }
        </dd>
      </div>
      <div>
        <dt>Token expires at</dt>
        <dd>
          @if (expiresAt(); as at) {
            <time [attr.datetime]="at.toISOString()">{{ at | date: 'medium' }}</time>
          } @else {
            Unknown
          }
        </dd>
      </div>
      <div>
        <dt>Time left</dt>
        <dd class="time-left">{{ timeLeft() }}</dd>
      </div>
    </dl>
  `,
})
export class SessionTimes {
  readonly signedInAt = input<Date | null>(null);
  readonly expiresAt = input<Date | null>(null);

  private readonly now = signal(Date.now());

  protected readonly timeLeft = computed(() => {
    const expiresAt = this.expiresAt();
    if (!expiresAt) {
      return 'Unknown';
    }
    const seconds = Math.floor((expiresAt.getTime() - this.now()) / 1000);
    return seconds > 0 ? formatWait(seconds) : 'Expired';
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
