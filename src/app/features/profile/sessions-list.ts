import { DatePipe, DecimalPipe } from '@angular/common';
import {
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  LOCALE_ID,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, Subscription } from 'rxjs';
import type { LoginSession } from '../../core/auth';
import { LoginSessions } from '../../shared/api/login-sessions';
import { describeHttpError } from '../../shared/ui/http-error';

type Logins =
  | { state: 'loading' }
  | { state: 'ready'; sessions: LoginSession[] }
  | { state: 'error'; message: string };

/**
 * "Where you're signed in": the user's logins from `GET /auth/sessions`, this device marked, a
 * Sign out for each other one, and Sign out everywhere else after a confirmation.
 */
@Component({
  selector: 'app-sessions-list',
  imports: [DatePipe, DecimalPipe],
  template: `
    <section
      class="card"
      aria-labelledby="logins-heading"
      [attr.aria-busy]="busy() || logins().state === 'loading'"
    >
      <h2 id="logins-heading" tabindex="-1" #heading i18n="@@logins.heading">
        Where you're signed in
      </h2>
      @switch (logins().state) {
        @case ('loading') {
          <p class="muted" i18n="@@logins.loading">Loading where you're signed in…</p>
        }
        @case ('error') {
          <div class="alert" role="alert">{{ loadError() }}</div>
          <button type="button" class="button secondary" (click)="load()" i18n="@@common.tryAgain">
            Try again
          </button>
        }
        @case ('ready') {
          <ul class="logins">
            @for (session of sessions(); track session.id; let i = $index) {
              <li>
                <div class="login-text">
                  <p class="device" [id]="'login-device-' + i">
                    {{ session.device }}
                    @if (session.current) {
                      <span class="badge" i18n="@@logins.thisDevice">This device</span>
                    }
                  </p>
                  <p class="muted" [id]="'login-times-' + i" i18n="@@logins.times">
                    Signed in
                    <time [attr.datetime]="session.createdAt">{{
                      session.createdAt | date: 'medium'
                    }}</time>, last active
                    <time [attr.datetime]="session.lastUsedAt">{{
                      session.lastUsedAt | date: 'medium'
                    }}</time>
                  </p>
                </div>
                @if (!session.current) {
                  <button
                    type="button"
                    class="button secondary"
                    [attr.aria-describedby]="'login-device-' + i + ' login-times-' + i"
                    [disabled]="busy()"
                    (click)="signOut(session)"
                    i18n="@@auth.signOut"
                  >
                    Sign out
                  </button>
                }
              </li>
            }
          </ul>
          @if (others() > 0) {
            @if (!confirming()) {
              <div class="actions">
                <button
                  #everywhereButton
                  type="button"
                  class="button danger"
                  [disabled]="busy()"
                  (click)="askEverywhereElse()"
                  i18n="@@logins.everywhereElse"
                >
                  Sign out everywhere else
                </button>
              </div>
            } @else {
              <div
                class="confirm"
                role="group"
                aria-labelledby="everywhere-heading"
                aria-describedby="everywhere-text"
                (keydown.escape)="cancelEverywhereElse()"
              >
                <h3 id="everywhere-heading" i18n="@@logins.everywhereElseQuestion">
                  Sign out everywhere else?
                </h3>
                <!-- prettier-ignore -->
                <p id="everywhere-text" i18n="@@logins.everywhereElseText">{others(), plural,
                  =1 {The other login ends at once: whoever uses them has to sign in again. You stay signed in here.}
                  other {The {{ others() | number }} other logins end at once: whoever uses them has to sign in again. You stay signed in here.}
                }</p>
                <div class="actions">
                  <button
                    type="button"
                    class="button danger"
                    [disabled]="busy()"
                    [attr.aria-busy]="busy()"
                    (click)="confirmEverywhereElse()"
                    i18n="@@logins.confirmEverywhereElse"
                  >
                    Yes, sign out everywhere else
                  </button>
                  <button
                    #cancelButton
                    type="button"
                    class="button secondary"
                    (click)="cancelEverywhereElse()"
                    i18n="@@common.cancel"
                  >
                    Cancel
                  </button>
                </div>
              </div>
            }
          } @else {
            <p class="muted" i18n="@@logins.nowhereElse">You are not signed in anywhere else.</p>
          }
        }
      }
      <p class="notice" role="status">{{ notice() }}</p>
      <div class="alert" role="alert">{{ actionError() }}</div>
    </section>
  `,
  styles: `
    .card h2 {
      margin-top: 0;
    }
    .logins {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .logins li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--border-soft);
    }
    .logins p {
      margin: 0;
    }
    .device {
      font-weight: 600;
    }
    .badge {
      margin-left: 0.5rem;
      padding: 0 0.5rem;
      border: 1px solid var(--success);
      border-radius: 999px;
      color: var(--success);
      font-size: 0.875rem;
      font-weight: normal;
    }
    .confirm h3 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    .notice,
    .alert {
      margin: 1rem 0 0;
    }
  `,
})
export class SessionsList {
  private readonly api = inject(LoginSessions);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly locale = inject(LOCALE_ID);
  private readonly alreadyEnded = $localize`:@@logins.alreadyEnded:That login had already ended.`;
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly everywhereButton = viewChild<ElementRef<HTMLButtonElement>>('everywhereButton');
  private readonly cancelButton = viewChild<ElementRef<HTMLButtonElement>>('cancelButton');

  protected readonly logins = signal<Logins>({ state: 'loading' });
  protected readonly sessions = computed(() => {
    const logins = this.logins();
    return logins.state === 'ready' ? logins.sessions : [];
  });
  protected readonly others = computed(() => this.sessions().filter((s) => !s.current).length);
  protected readonly loadError = computed(() => {
    const logins = this.logins();
    return logins.state === 'error' ? logins.message : '';
  });
  protected readonly busy = signal(false);
  protected readonly confirming = signal(false);
  protected readonly notice = signal('');
  protected readonly actionError = signal('');
  private listing: Subscription | null = null;

  constructor() {
    this.load();
  }

  protected load(): void {
    // Only the latest list counts: an older answer arriving late must not replace it.
    this.listing?.unsubscribe();
    this.listing = this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (sessions) => this.logins.set({ state: 'ready', sessions }),
        error: (error: unknown) =>
          this.logins.set({ state: 'error', message: describeHttpError(error, this.locale) }),
      });
  }

  protected signOut(session: LoginSession): void {
    this.run(
      this.api.end(session.id),
      $localize`:@@logins.signedOutDevice:Signed out ${session.device}:device:.`,
    );
  }

  protected askEverywhereElse(): void {
    this.actionError.set('');
    this.confirming.set(true);
    // The safe choice first, so a stray Enter ends nothing.
    this.focusAfterRender(() => this.cancelButton());
  }

  protected cancelEverywhereElse(): void {
    this.confirming.set(false);
    this.focusAfterRender(() => this.everywhereButton());
  }

  protected confirmEverywhereElse(): void {
    this.run(
      this.api.endOthers(),
      $localize`:@@logins.signedOutEverywhereElse:Signed out everywhere else.`,
    );
  }

  /** Ends a login (or all others), then lists what is left and says what happened. */
  private run(action: Observable<void>, done: string): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.notice.set('');
    this.actionError.set('');
    action.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => this.settle(done, ''),
      error: (error: unknown) =>
        this.settle('', describeHttpError(error, this.locale, { notFound: this.alreadyEnded })),
    });
  }

  private settle(notice: string, error: string): void {
    this.busy.set(false);
    this.confirming.set(false);
    this.notice.set(notice);
    this.actionError.set(error);
    this.load();
    // The button pressed is gone (or about to be): keep keyboard focus in this section.
    this.focusAfterRender(() => this.heading());
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
