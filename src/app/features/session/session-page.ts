import { DatePipe } from '@angular/common';
import { Component, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AuthEvents, AuthService } from '../../core/auth';
import { LoginSessions } from '../../shared/api/login-sessions';
import { describeHttpError } from '../../shared/ui/http-error';
import { describeAuthEvent } from './auth-event-words';
import { TokenCountdown } from './token-countdown';

/** Claims that are times (seconds since the epoch): shown as dates too. */
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time']);

interface Field {
  name: string;
  value: string;
  /** For a time claim, the moment it names. */
  at: Date | null;
}

/**
 * How the session works, live: the signed-in flag, the access token decoded (never the token
 * itself), the time left with the next silent refresh, what the auth core did (AuthEvents), and a
 * button that ends this login on the server so anyone can watch the re-login dialog take over.
 */
@Component({
  selector: 'app-session-page',
  imports: [DatePipe, TokenCountdown],
  templateUrl: './session-page.html',
  styleUrl: './session-page.css',
})
export class SessionPage {
  protected readonly auth = inject(AuthService);
  private readonly events = inject(AuthEvents);
  private readonly sessions = inject(LoginSessions);
  private readonly locale = inject(LOCALE_ID);

  protected readonly header = computed(() => fields(this.auth.decodedToken()?.header ?? {}));
  protected readonly claims = computed(() => fields(this.auth.decodedToken()?.claims ?? {}));
  /** The token's life in the client's clock: from `exp - iat` before the skew-corrected expiry. */
  protected readonly issuedAt = computed(() => {
    const claims = this.auth.decodedToken()?.claims;
    const expiresAt = this.auth.expiresAt()?.getTime();
    return claims?.iat === undefined || expiresAt === undefined
      ? null
      : expiresAt - (claims.exp - claims.iat) * 1000;
  });
  /** The login this token belongs to (CONTRACT §5 `sid`), which the button ends. */
  private readonly sessionId = computed(() => {
    const sid = this.auth.decodedToken()?.claims['sid'];
    return typeof sid === 'string' && sid !== '' ? sid : null;
  });
  protected readonly canEnd = computed(() => this.sessionId() !== null);

  protected readonly timeline = computed(() =>
    this.events.recent().map((event) => ({ event, words: describeAuthEvent(event) })),
  );
  /**
   * The newest event in words, for a polite live region: a screen reader hears each event as it
   * happens (they are few), and nothing while the countdown ticks.
   */
  private readonly newestAtOpening = this.events.recent()[0];
  protected readonly latest = computed(() => {
    const [newest] = this.timeline();
    return newest && newest.event !== this.newestAtOpening ? newest.words : '';
  });

  protected readonly ending = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');

  protected isoTime(at: number): string {
    return new Date(at).toISOString();
  }

  /**
   * Ends this login on the server, then asks the server who the user is with the token it now
   * refuses: the refresh is refused too, the re-login dialog opens, and the request carries on
   * once the user has signed in again.
   */
  protected async endOnServer(): Promise<void> {
    const sid = this.sessionId();
    if (sid === null || this.ending()) {
      return;
    }
    this.ending.set(true);
    this.error.set('');
    this.status.set($localize`:@@session.ending:Ending this session on the server…`);
    try {
      await firstValueFrom(this.sessions.end(sid));
      this.status.set(
        $localize`:@@session.ended:The server ended this session. Now asking it who you are, with the token it no longer accepts…`,
      );
      const user = await firstValueFrom(this.auth.me());
      this.status.set(
        $localize`:@@session.carriedOn:The request carried on: the server says you are ${user.name}:name:, on a new session.`,
      );
    } catch (error) {
      this.status.set('');
      this.error.set(describeHttpError(error, this.locale));
    } finally {
      this.ending.set(false);
    }
  }
}

function fields(values: Record<string, unknown>): Field[] {
  return Object.entries(values).map(([name, value]) => ({
    name,
    value: Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value),
    at: TIME_CLAIMS.has(name) && typeof value === 'number' ? new Date(value * 1000) : null,
  }));
}
