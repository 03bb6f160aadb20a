import { HttpErrorResponse } from '@angular/common/http';
import {
  DOCUMENT,
  Injectable,
  InjectionToken,
  LOCALE_ID,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { Observable, Subject, firstValueFrom } from 'rxjs';
import { AuthApi, TokenGrant } from './auth-api';
import { toAuthError } from './auth-errors';
import { AuthEvents } from './auth-events';
import type {
  AccessClaims,
  AuthEventInput,
  AuthRouteData,
  AuthUser,
  DecodedToken,
  RefreshOutcome,
  RefreshTrigger,
  SignOutReason,
  SignedOutReason,
} from './auth-models';
import { AUTH_OPTIONS } from './auth-options';
import {
  TokenTiming,
  decodeAccessToken,
  decodeTokenHeader,
  measureClockOffset,
  tokenTiming,
} from './jwt';
import { StoredSession, TokenStorage } from './token-storage';
import { UserDrafts } from './user-drafts';

/** The Web Locks API, or null where it is missing (older browsers, SSR). */
export const AUTH_LOCKS = new InjectionToken<LockManager | null>('AUTH_LOCKS', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).defaultView?.navigator.locks ?? null,
});

const REFRESH_LOCK = 'tokengate-refresh';

interface Session {
  token: string;
  claims: AccessClaims;
  user: AuthUser;
  clockOffsetMs: number;
  signedInAt: number | null;
  timing: TokenTiming;
}

/**
 * Holds the access token and the signed-in flag (a signal, and `signedIn$` for the RxJS side).
 * Guards, the interceptor, the timer, tab sync and pages read it; only it writes storage.
 *
 * For pages: `user`, `signedIn`, `signedIn$`, `signedInAt`, `expiresAt`, `hasRole()`, `login()`,
 * `signOut()`, `me()`, and `freshToken()`, the one way to get a token that is safe to send. The
 * members below "The auth core's own parts" serve the guard, interceptor, timer and tab sync.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AuthApi);
  private readonly storage = inject(TokenStorage);
  private readonly options = inject(AUTH_OPTIONS);
  private readonly router = inject(Router);
  private readonly locks = inject(AUTH_LOCKS);
  private readonly drafts = inject(UserDrafts);
  private readonly locale = inject(LOCALE_ID);
  private readonly events = inject(AuthEvents);

  private readonly session = signal<Session | null>(this.restore());
  private readonly changes = new Subject<AuthUser | null>();
  private inflight: Promise<RefreshOutcome> | null = null;
  /** Bumped whenever the session ends, so an answer that arrives afterwards is ignored. */
  private epoch = 0;
  /**
   * The login (`sid`) whose session ended here, and the sign-out mark it ended with, until a new
   * session begins: see syncFromStorage().
   */
  private endedLogin: { sid: string; reason: SignOutReason | undefined } | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.session() !== null);
  /** The signed-in flag for the RxJS side (emits the current value, then each change). */
  readonly signedIn$: Observable<boolean> = toObservable(this.signedIn);
  readonly signedInAt = computed(() => {
    const at = this.session()?.signedInAt;
    return at == null ? null : new Date(at);
  });
  readonly expiresAt = computed(() => {
    const session = this.session();
    return session ? new Date(session.timing.expiresAt) : null;
  });
  /**
   * The access token's header and claims, for a page that shows how the session works: the token
   * itself (and so its signature) is never handed out.
   */
  readonly decodedToken = computed((): DecodedToken | null => {
    const session = this.session();
    return session ? { header: decodeTokenHeader(session.token), claims: session.claims } : null;
  });
  /** Client time at which the expiry timer renews the token, null when signed out. */
  readonly refreshDueAt = computed(() => this.session()?.timing.refreshAt ?? null);

  constructor() {
    const restored = this.user();
    if (restored) {
      this.events.emit({ type: 'session-restored', user: restored });
    }
  }

  hasRole(role: string): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /**
   * Whether the signed-in user passes every rule given (the rules `guarded()` takes): for a
   * template, `@if (auth.allows({ anyRole: ['admin', 'auditor'] }))`. Signed out: false.
   */
  allows({ roles = [], anyRole, allow }: AuthRouteData): boolean {
    const user = this.user();
    return (
      user !== null &&
      roles.every((role) => user.roles.includes(role)) &&
      (anyRole === undefined || anyRole.some((role) => user.roles.includes(role))) &&
      (allow === undefined || allow(user))
    );
  }

  async login(email: string, password: string): Promise<AuthUser> {
    let grant: TokenGrant;
    try {
      grant = await firstValueFrom(this.api.login(email, password));
    } catch (error) {
      throw toAuthError(error, this.locale);
    }
    const session = this.fromGrant(grant, Date.now());
    if (!session) {
      throw toAuthError(new HttpErrorResponse({ status: 500 }), this.locale);
    }
    this.establish(session, true, { type: 'signed-in', user: session.user });
    return session.user;
  }

  /**
   * Signs out here at once (works offline), revokes the refresh token on the server and goes to
   * the login page, with `returnUrl` when given (to come back after signing in again). With a
   * `reason` the app, not the user, ended the session: the login page says why, and the user's
   * drafts are kept for when they are back; a deliberate sign-out drops them.
   */
  async signOut({
    returnUrl,
    reason,
  }: { returnUrl?: string; reason?: SignOutReason } = {}): Promise<void> {
    const user = this.user();
    if (user && reason === undefined) {
      this.drafts.clear(user.id);
    }
    // Marked before the session is cleared: a tab woken by the clearing finds why.
    this.storage.markSignedOut(reason);
    this.end(true, reason === 'inactive' ? 'inactivity' : 'user');
    const destination = this.router.createUrlTree([this.options.loginPath], {
      queryParams: {
        ...(returnUrl === undefined ? {} : { returnUrl }),
        ...(reason === undefined ? {} : { reason }),
      },
    });
    await Promise.all([this.revoke(), this.router.navigateByUrl(destination)]);
  }

  /**
   * A token that is safe to send right now, refreshing first (once, shared with every other
   * caller) if it is expired or about to be; null when there is no session or it could not be
   * renewed.
   */
  async freshToken(): Promise<string | null> {
    if (this.hasFreshToken()) {
      return this.currentToken();
    }
    if (!this.session()) {
      return null;
    }
    return (await this.refreshOutcome('request')) === 'ok' ? this.currentToken() : null;
  }

  /** The user as the server knows them now (`GET /auth/me`), rather than as the token says. */
  me(): Observable<AuthUser> {
    return this.api.me();
  }

  // The auth core's own parts: the guard, interceptor, expiry timer and tab sync use these.

  /** Emits the new user (or null) every time the session is replaced or ends, synchronously. */
  readonly sessionChanges: Observable<AuthUser | null> = this.changes.asObservable();

  /** True while the token exists and is not within the leeway of its expiry (client clock). */
  hasFreshToken(now = Date.now()): boolean {
    const session = this.session();
    return session !== null && now < session.timing.staleAt;
  }

  /** The token when it is safe to send now, without refreshing: null when stale or signed out. */
  tokenIfFresh(): string | null {
    return this.hasFreshToken() ? this.currentToken() : null;
  }

  /**
   * A new access token via the refresh cookie. One request at a time, shared by every caller; the
   * `trigger` of the caller that started it is the one AuthEvents tells.
   */
  refreshOutcome(trigger: RefreshTrigger): Promise<RefreshOutcome> {
    this.inflight ??= this.refreshAcrossTabs(trigger).finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** For guards: signed in with a usable token, after one silent refresh if needed. */
  async ensureSession(): Promise<boolean> {
    if (this.hasFreshToken()) {
      return true;
    }
    if (!this.session() && this.storage.signedOut()) {
      // Signed out here, perhaps while the server was unreachable: ask it again to revoke the
      // refresh cookie rather than use it, which would sign the user back in.
      await this.revoke();
      return false;
    }
    return (await this.refreshOutcome('guard')) === 'ok';
  }

  /**
   * Another tab changed the stored session: adopt its token, or end ours if it signed out.
   * Returns what happened so the caller can decide about navigation.
   */
  syncFromStorage(): 'adopted' | 'ended' | 'unchanged' {
    const stored = this.storage.read();
    const current = this.session();
    if (stored && stored.token !== current?.token) {
      const session = this.fromStored(stored);
      const ended = this.endedLogin;
      if (session && ended && session.claims['sid'] === ended.sid) {
        // A token of the login that ended here is a refresh another tab got answered after the
        // sign-out, and stored before it saw the sign-out mark (tabs see each other's writes
        // late). Adopted, it would sign this tab back in; cleared again, it ends that tab too.
        this.storage.markSignedOut(ended.reason);
        this.storage.clear();
        return 'unchanged';
      }
      if (session) {
        this.adopt(current, session);
        return 'adopted';
      }
    }
    if (!stored && current) {
      this.end(false, 'other-tab');
      return 'ended';
    }
    return 'unchanged';
  }

  /** Ends the session locally, e.g. when the server refused the refresh; `reason` is what AuthEvents tells. */
  end(persist: boolean, reason: SignedOutReason): void {
    this.epoch++;
    const ending = this.session() !== null;
    const sid = this.session()?.claims['sid'];
    if (typeof sid === 'string') {
      // Tokens without a sid cannot be told from a new sign-in of the same user: not remembered.
      this.endedLogin = { sid, reason: this.storage.signedOutReason() ?? undefined };
    }
    // Cleared here before storage is, so that hearing its own change (a storage stand-in that tells
    // every tab) finds nothing to end twice.
    this.session.set(null);
    if (persist) {
      this.storage.clear();
    }
    if (ending) {
      this.events.emit({ type: 'signed-out', reason });
      this.changes.next(null);
    }
  }

  private currentToken(): string | null {
    return this.session()?.token ?? null;
  }

  /** Best effort: signing out must work offline, so a failed revocation is not an error. */
  private revoke(): Promise<unknown> {
    return firstValueFrom(this.api.logout()).catch(() => undefined);
  }

  private async refreshAcrossTabs(trigger: RefreshTrigger): Promise<RefreshOutcome> {
    const before = this.currentToken();
    const epoch = this.epoch;
    const started: RefreshStart = { trigger, secondsBeforeExpiry: this.secondsLeft(Date.now()) };
    const work = () => this.refreshUnlessAnotherTabDid(before, epoch, started);
    // Each refresh token works once: two tabs spending the same one would revoke the login.
    return this.locks ? this.locks.request(REFRESH_LOCK, work) : work();
  }

  private async refreshUnlessAnotherTabDid(
    before: string | null,
    epoch: number,
    started: RefreshStart,
  ): Promise<RefreshOutcome> {
    const { trigger } = started;
    // Signed out while this tab waited for the lock: nothing is left to renew.
    if (epoch !== this.epoch) {
      return 'refused';
    }
    const stored = this.storage.read();
    if (stored && stored.token !== before) {
      const session = this.fromStored(stored);
      if (session && Date.now() < session.timing.refreshAt) {
        // Tab sync may have taken it already, while this tab waited for the lock.
        if (stored.token !== this.currentToken()) {
          this.adopt(this.session(), session);
        }
        return 'ok';
      }
    }
    let grant: TokenGrant;
    try {
      grant = await firstValueFrom(this.api.refresh());
    } catch (error) {
      if (epoch !== this.epoch) {
        return 'refused';
      }
      if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 400)) {
        this.events.emit({ type: 'refresh-failed', trigger, result: 'refused' });
        // The API refused a token this tab held for good, then its login: ended elsewhere.
        this.end(true, trigger === '401' ? 'revoked' : 'refresh-refused');
        return 'refused';
      }
      this.events.emit({ type: 'refresh-failed', trigger, result: 'no-answer' });
      return 'failed';
    }
    const session = this.fromGrant(grant, this.session()?.signedInAt ?? Date.now());
    // A sign-out while the request was out wins: its answer must not sign the user back in.
    if (epoch !== this.epoch) {
      return 'refused';
    }
    // So does one in another tab, whose clearing this tab's tab sync has not heard yet: written
    // now, the answer would sign every tab back in (the signing-out tab would take it from
    // storage). Tab sync ends the session here when the clearing arrives.
    if (this.storage.signedOut()) {
      return 'failed';
    }
    if (!session) {
      this.events.emit({ type: 'refresh-failed', trigger, result: 'no-answer' });
      return 'failed';
    }
    // A refresh that answers for someone else means the cookie is not the one this user got (a
    // page on another localhost port can plant one): end the session rather than carry on as them.
    const current = this.user();
    if (current && current.id !== session.user.id) {
      this.events.emit({ type: 'refresh-failed', trigger, result: 'refused' });
      this.end(true, 'refresh-refused');
      return 'refused';
    }
    this.establish(
      session,
      true,
      current
        ? {
            type: 'token-refreshed',
            trigger,
            secondsBeforeExpiry: started.secondsBeforeExpiry,
            expiresAt: session.timing.expiresAt,
          }
        : // No session here before (a reload with memory storage): the refresh cookie brought it back.
          { type: 'session-restored', user: session.user },
    );
    return 'ok';
  }

  /** Takes a session another tab stored: a refresh of this tab's login, or a login of its own. */
  private adopt(previous: Session | null, next: Session): void {
    const event: AuthEventInput =
      previous && sameLogin(previous.claims, next.claims)
        ? {
            type: 'token-refreshed',
            trigger: 'other-tab',
            secondsBeforeExpiry: this.secondsLeft(Date.now()),
            expiresAt: next.timing.expiresAt,
          }
        : { type: 'session-adopted', user: next.user };
    this.establish(next, false, event);
  }

  /** Whole seconds the current token has left (negative once expired), null when signed out. */
  private secondsLeft(now: number): number | null {
    const expiresAt = this.session()?.timing.expiresAt;
    return expiresAt === undefined ? null : Math.round((expiresAt - now) / 1000);
  }

  /**
   * Puts the session in place (before storage: hearing its own write finds nothing new), then tells
   * `event` before sessionChanges, so that what follows from the change (the re-login dialog
   * resuming, the waiting requests replayed) comes after it.
   */
  private establish(session: Session, persist: boolean, event: AuthEventInput): void {
    this.endedLogin = null;
    this.session.set(session);
    if (persist) {
      this.storage.write({
        token: session.token,
        clockOffsetMs: session.clockOffsetMs,
        signedInAt: session.signedInAt,
      });
    }
    this.events.emit(event);
    this.changes.next(session.user);
  }

  private restore(): Session | null {
    const stored = this.storage.read();
    return stored ? this.fromStored(stored) : null;
  }

  private fromStored(stored: StoredSession): Session | null {
    const claims = decodeAccessToken(stored.token);
    return claims ? this.toSession(stored.token, claims, stored) : null;
  }

  private fromGrant(grant: TokenGrant, signedInAt: number): Session | null {
    const claims = decodeAccessToken(grant.accessToken);
    if (!claims) {
      return null;
    }
    const clockOffsetMs = measureClockOffset(grant.serverDate, claims.iat, grant.receivedAt);
    return this.toSession(grant.accessToken, claims, {
      clockOffsetMs,
      signedInAt,
    });
  }

  private toSession(
    token: string,
    claims: AccessClaims,
    meta: { clockOffsetMs: number; signedInAt: number | null },
  ): Session {
    return {
      token,
      claims,
      // The user as the token says (what a reload restores too), not as the login's answer body does.
      user: this.options.mapUser(claims),
      clockOffsetMs: meta.clockOffsetMs,
      signedInAt: meta.signedInAt,
      timing: tokenTiming(
        claims,
        meta.clockOffsetMs,
        this.options.leewaySeconds,
        this.options.refreshMarginSeconds,
      ),
    };
  }
}

/** What a refresh was asked for by, and how long the token had left then (for AuthEvents). */
interface RefreshStart {
  trigger: RefreshTrigger;
  secondsBeforeExpiry: number | null;
}

/** Two tokens of one login: the same `sid` (CONTRACT §5), or the same user where tokens have none. */
function sameLogin(a: AccessClaims, b: AccessClaims): boolean {
  return a['sid'] !== undefined || b['sid'] !== undefined ? a['sid'] === b['sid'] : a.sub === b.sub;
}
