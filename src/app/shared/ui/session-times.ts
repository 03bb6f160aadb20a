import { DatePipe } from '@angular/common';
import { Component, computed, DestroyRef, LOCALE_ID, inject, input, signal } from '@angular/core';
import { formatWait } from '../../core/auth';

/** The session's times, with the time left counting down every second. */
@Component({
  selector: 'app-session-times',
  imports: [DatePipe],
  template: `
    <dl class="details">
      <div>
        <dt i18n="@@session.signedInAt">Signed in at</dt>
        <dd>
          @if (signedInAt(); as at) {
            <time [attr.datetime]="at.toISOString()">{{ at | date: 'medium' }}</time>
          } @else {
            <ng-container i18n="A moment in time that is not known@@session.unknownTime"
              >Unknown</ng-container
            >
          }
        </dd>
      </div>
      <div>
        <dt i18n="@@session.expiresAt">Token expires at</dt>
        <dd>
          @if (expiresAt(); as at) {
            <time [attr.datetime]="at.toISOString()">{{ at | date: 'medium' }}</time>
          } @else {
            <ng-container i18n="A moment in time that is not known@@session.unknownTime"
              >Unknown</ng-container
            >
          }
        </dd>
      </div>
      <div>
        <dt i18n="@@session.timeLeft">Time left</dt>
        <dd class="time-left">{{ timeLeft() }}</dd>
      </div>
    </dl>
  `,
})
export class SessionTimes {
  readonly signedInAt = input<Date | null>(null);
  readonly expiresAt = input<Date | null>(null);

  private readonly locale = inject(LOCALE_ID);
  private readonly now = signal(Date.now());

  protected readonly timeLeft = computed(() => {
    const expiresAt = this.expiresAt();
    if (!expiresAt) {
      return $localize`:An amount of time that is not known@@session.unknownTimeLeft:Unknown`;
    }
    const seconds = Math.floor((expiresAt.getTime() - this.now()) / 1000);
    return seconds > 0
      ? formatWait(seconds, this.locale)
      : $localize`:The access token's time is up@@session.expired:Expired`;
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
