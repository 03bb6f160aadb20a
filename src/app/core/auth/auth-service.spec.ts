import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthError } from './auth-errors';
import { AuthEvents } from './auth-events';
import type { AccessClaims, AuthEvent } from './auth-models';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS, userFromClaims } from './auth-options';
import { AUTH_LOCKS, AuthService } from './auth-service';
import {
  ADMIN,
  ALICE,
  BOB,
  FakeStorageArea,
  grantBody,
  makeToken,
  provideLoneTab,
} from './test-helpers';
import { ACCESS_TOKEN_KEY, SESSION_META_KEY, SIGNED_OUT_KEY } from './token-storage';

describe('AuthService', () => {
  let area: FakeStorageArea;
  let http: HttpTestingController;
  let navigate: jasmine.Spy;

  function create(): AuthService {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    return TestBed.inject(AuthService);
  }

  function store(token: string, clockOffsetMs = 0, signedInAt: number | null = 1000) {
    area.setItem(SESSION_META_KEY, JSON.stringify({ clockOffsetMs, signedInAt }));
    area.setItem(ACCESS_TOKEN_KEY, token);
  }

  beforeEach(() => {
    area = new FakeStorageArea();
  });

  afterEach(() => http.verify());

  describe('start-up', () => {
    it('restores a valid stored session without a network call', () => {
      store(makeToken(ADMIN), 0, Date.parse('2026-01-01T00:00:00Z'));
      const auth = create();
      expect(auth.signedIn()).toBeTrue();
      expect(auth.user()).toEqual(ADMIN);
      expect(auth.hasRole('admin')).toBeTrue();
      expect(auth.hasRole('owner')).toBeFalse();
      expect(auth.signedInAt()).toEqual(new Date('2026-01-01T00:00:00Z'));
      expect(auth.hasFreshToken()).toBeTrue();
    });

    it('starts signed out, silently, when the stored value is garbage', () => {
      const consoleError = spyOn(console, 'error');
      area.setItem(ACCESS_TOKEN_KEY, 'eyJhbGciOi.truncated');
      const auth = create();
      expect(auth.signedIn()).toBeFalse();
      expect(auth.user()).toBeNull();
      expect(auth.expiresAt()).toBeNull();
      expect(auth.signedInAt()).toBeNull();
      expect(auth.hasRole('user')).toBeFalse();
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
      expect(consoleError).not.toHaveBeenCalled();
    });

    it('computes expiry from exp in the client clock, using the stored offset', () => {
      const serverNow = Date.now() + 3 * 3600_000;
      store(makeToken(ALICE, serverNow, 900), 3 * 3600_000);
      const auth = create();
      const left = (auth.expiresAt()?.getTime() ?? 0) - Date.now();
      expect(left).toBeGreaterThan(895_000);
      expect(left).toBeLessThanOrEqual(900_000);
      expect(auth.hasFreshToken()).toBeTrue();
    });
  });

  describe('login', () => {
    it('stores the token and the server clock offset, and signs in', async () => {
      const auth = create();
      const serverNow = Date.now() - 2 * 3600_000;
      const token = makeToken(ALICE, serverNow, 900);
      const done = auth.login('alice@example.com', 'alice-password-1');
      const req = http.expectOne('/auth/login');
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({
        email: 'alice@example.com',
        password: 'alice-password-1',
      });
      expect(req.request.headers.has('Authorization')).toBeFalse();
      req.flush(grantBody(token), { headers: { Date: new Date(serverNow).toUTCString() } });
      await expectAsync(done).toBeResolvedTo(ALICE);

      expect(auth.signedIn()).toBeTrue();
      expect(auth.tokenIfFresh()).toBe(token);
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBe(token);
      // The client clock is 2 h ahead of the server: the token still has ~15 minutes here.
      const left = (auth.expiresAt()?.getTime() ?? 0) - Date.now();
      expect(left).toBeGreaterThan(890_000);
      expect(left).toBeLessThanOrEqual(901_000);
      expect(auth.hasFreshToken()).toBeTrue();
      expect(Math.abs((auth.signedInAt()?.getTime() ?? 0) - Date.now())).toBeLessThan(5_000);
      expect(JSON.parse(area.getItem(SESSION_META_KEY) ?? '{}').clockOffsetMs).toBeLessThan(
        -2 * 3600_000 + 2_000,
      );
    });

    it('rejects with AuthError and words for wrong credentials, rate limits and outages', async () => {
      const auth = create();
      const wrong = auth.login('alice@example.com', 'nope');
      http
        .expectOne('/auth/login')
        .flush(
          { error: 'invalid_credentials', message: 'Invalid email or password' },
          { status: 401, statusText: 'Unauthorized' },
        );
      await expectAsync(wrong).toBeRejectedWith(
        jasmine.objectContaining({ code: 'invalid_credentials' }),
      );

      const limited = auth.login('alice@example.com', 'nope');
      http
        .expectOne('/auth/login')
        .flush(
          { error: 'too_many_attempts', message: 'x' },
          { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '45' } },
        );
      const error = (await limited.catch((e: unknown) => e)) as AuthError;
      expect(error).toBeInstanceOf(AuthError);
      expect(error.retryAfterSeconds).toBe(45);
      expect(error.message).toContain('45 seconds');

      const offline = auth.login('alice@example.com', 'alice-password-1');
      http.expectOne('/auth/login').error(new ProgressEvent('error'));
      await expectAsync(offline).toBeRejectedWith(
        jasmine.objectContaining({ code: 'unreachable' }),
      );
      expect(auth.signedIn()).toBeFalse();
    });

    it('refuses an answer whose token it cannot read', async () => {
      const auth = create();
      const done = auth.login('alice@example.com', 'alice-password-1');
      http.expectOne('/auth/login').flush(grantBody('not-a-jwt'));
      await expectAsync(done).toBeRejectedWith(jasmine.objectContaining({ code: 'server_error' }));
      http.expectNone('/auth/login');
      expect(auth.signedIn()).toBeFalse();
    });
  });

  describe('refresh', () => {
    it('is single-flight: every caller shares one request', async () => {
      store(makeToken(ALICE, Date.now() - 890_000, 900), 0, 42);
      const auth = create();
      expect(auth.hasFreshToken()).toBeFalse();
      const calls = [auth.refreshOutcome('request'), auth.refreshOutcome('request')];
      const others = [auth.freshToken(), auth.ensureSession()] as const;
      const fresh = makeToken(ALICE);
      http.expectOne('/auth/refresh').flush(grantBody(fresh));
      const [a, b] = await Promise.all(calls);
      const [token, ensured] = await Promise.all(others);
      expect([a, b]).toEqual(['ok', 'ok']);
      expect(ensured).toBeTrue();
      expect(token).toBe(fresh);
      expect(auth.tokenIfFresh()).toBe(fresh);
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBe(fresh);
      // A refresh continues the session: the sign-in time stays.
      expect(auth.signedInAt()?.getTime()).toBe(42);

      const again = auth.refreshOutcome('request');
      http.expectOne('/auth/refresh').flush(grantBody(makeToken(ALICE)));
      await expectAsync(again).toBeResolvedTo('ok');
    });

    it('ends the session when the server refuses it', async () => {
      store(makeToken());
      const auth = create();
      const changes: unknown[] = [];
      auth.sessionChanges.subscribe((user) => changes.push(user));
      const done = auth.refreshOutcome('request');
      http
        .expectOne('/auth/refresh')
        .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
      await expectAsync(done).toBeResolvedTo('refused');
      expect(auth.signedIn()).toBeFalse();
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
      expect(changes).toEqual([null]);
    });

    it('keeps the session when the server cannot be reached', async () => {
      const token = makeToken();
      store(token);
      const auth = create();
      const done = auth.refreshOutcome('request');
      http.expectOne('/auth/refresh').error(new ProgressEvent('error'));
      await expectAsync(done).toBeResolvedTo('failed');
      expect(auth.signedIn()).toBeTrue();
      expect(auth.tokenIfFresh()).toBe(token);

      const garbled = auth.refreshOutcome('request');
      http.expectOne('/auth/refresh').flush(grantBody('garbage'));
      await expectAsync(garbled).toBeResolvedTo('failed');
      expect(auth.tokenIfFresh()).toBe(token);
    });

    it('ends the session when the refresh answers for another user (a planted cookie)', async () => {
      store(makeToken(ALICE, Date.now() - 890_000, 900));
      const auth = create();
      const done = auth.refreshOutcome('request');
      http.expectOne('/auth/refresh').flush(grantBody(makeToken(BOB), BOB));
      await expectAsync(done).toBeResolvedTo('refused');
      expect(auth.signedIn()).toBeFalse();
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
    });

    it('adopts a token another tab stored instead of spending the refresh cookie again', async () => {
      const old = makeToken(ALICE, Date.now() - 890_000, 900);
      store(old);
      const auth = create();
      const newer = makeToken(ALICE);
      store(newer);
      await expectAsync(auth.refreshOutcome('request')).toBeResolvedTo('ok');
      http.expectNone('/auth/refresh');
      expect(auth.tokenIfFresh()).toBe(newer);
    });

    it('ignores an answer that arrives after a sign-out', async () => {
      store(makeToken());
      const auth = create();
      const pending = auth.refreshOutcome('request');
      const request = http.expectOne('/auth/refresh');
      auth.end(true, 'user');
      request.flush(grantBody(makeToken()));
      await expectAsync(pending).toBeResolvedTo('refused');
      expect(auth.signedIn()).toBeFalse();
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();

      store(makeToken());
      auth.syncFromStorage();
      const failing = auth.refreshOutcome('request');
      const second = http.expectOne('/auth/refresh');
      auth.end(true, 'user');
      second.error(new ProgressEvent('error'));
      await expectAsync(failing).toBeResolvedTo('refused');
    });

    it('does not store an answer that arrives after another tab signed out', async () => {
      store(makeToken());
      const auth = create();
      const pending = auth.refreshOutcome('timer');
      const request = http.expectOne('/auth/refresh');
      // Another tab signs out for inactivity: its mark, then its clearing, which this tab's tab
      // sync hears only later.
      area.setItem(SIGNED_OUT_KEY, 'inactive');
      area.removeItem(ACCESS_TOKEN_KEY);
      area.removeItem(SESSION_META_KEY);
      request.flush(grantBody(makeToken()));
      await expectAsync(pending).toBeResolvedTo('failed');
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
      expect(area.getItem(SIGNED_OUT_KEY)).toBe('inactive');
      expect(auth.syncFromStorage()).toBe('ended');
      expect(auth.signedIn()).toBeFalse();
    });

    it("sends nothing when the session ended while it waited for another tab's refresh", async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const locks = {
        request: (_name: string, work: () => Promise<unknown>) => held.then(work),
      } as unknown as LockManager;
      TestBed.overrideProvider(AUTH_LOCKS, { useValue: locks });
      store(makeToken());
      const auth = create();
      const pending = auth.refreshOutcome('timer');
      auth.end(true, 'user');
      release();
      await expectAsync(pending).toBeResolvedTo('refused');
      http.expectNone('/auth/refresh');
      expect(auth.signedIn()).toBeFalse();
    });

    it('gives no token without a session', async () => {
      const auth = create();
      await expectAsync(auth.freshToken()).toBeResolvedTo(null);
    });
  });

  describe('signOut', () => {
    it('clears storage, revokes on the server and goes to the login page', async () => {
      store(makeToken());
      const auth = create();
      const done = auth.signOut();
      expect(auth.signedIn()).toBeFalse();
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
      const revoke = http.expectOne('/auth/logout');
      expect(revoke.request.method).toBe('POST');
      expect(revoke.request.headers.has('Authorization')).toBeFalse();
      revoke.flush(null, { status: 204, statusText: 'No Content' });
      await done;
      expect(String(navigate.calls.mostRecent().args[0])).toBe('/login');
    });

    it('still signs out locally when the server is unreachable', async () => {
      store(makeToken());
      const auth = create();
      const done = auth.signOut();
      http.expectOne('/auth/logout').error(new ProgressEvent('error'));
      await expectAsync(done).toBeResolved();
      expect(auth.signedIn()).toBeFalse();
      expect(String(navigate.calls.mostRecent().args[0])).toBe('/login');
    });

    it('never refreshes back in after a sign-out the server may have missed; retries the revocation', async () => {
      store(makeToken());
      const auth = create();
      const done = auth.signOut();
      http.expectOne('/auth/logout').error(new ProgressEvent('error'));
      await done;

      const ensured = auth.ensureSession();
      http.expectNone('/auth/refresh');
      http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await expectAsync(ensured).toBeResolvedTo(false);
      expect(auth.signedIn()).toBeFalse();
    });

    it('refreshes silently again once the user has signed in anew', async () => {
      store(makeToken());
      const auth = create();
      const out = auth.signOut();
      http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await out;

      const login = auth.login('alice@example.com', 'alice-password-1');
      http.expectOne('/auth/login').flush(grantBody(makeToken(ALICE)));
      await login;
      expect(area.getItem(SIGNED_OUT_KEY)).toBeNull();

      jasmine.clock().install();
      try {
        jasmine.clock().mockDate(new Date(Date.now() + 899_000));
        const ensured = auth.ensureSession();
        http.expectOne('/auth/refresh').flush(grantBody(makeToken(ALICE)));
        await expectAsync(ensured).toBeResolvedTo(true);
      } finally {
        jasmine.clock().uninstall();
      }
    });
  });

  describe('syncFromStorage', () => {
    it('adopts, ends or ignores what another tab stored', () => {
      const auth = create();
      expect(auth.syncFromStorage()).toBe('unchanged');
      const token = makeToken();
      store(token);
      expect(auth.syncFromStorage()).toBe('adopted');
      expect(auth.tokenIfFresh()).toBe(token);
      expect(auth.syncFromStorage()).toBe('unchanged');
      area.values.clear();
      expect(auth.syncFromStorage()).toBe('ended');
      expect(auth.signedIn()).toBeFalse();
    });

    it('clears again, rather than adopts, a token of the login that ended here', async () => {
      store(makeToken(ALICE, Date.now(), 900, { sid: 'login-1' }));
      const auth = create();
      const out = auth.signOut({ returnUrl: '/notes', reason: 'inactive' });
      http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await out;
      // Another tab's refresh of that login, answered after the sign-out and stored before that
      // tab saw the mark (which its write removes).
      store(makeToken(ALICE, Date.now(), 900, { sid: 'login-1' }));
      area.removeItem(SIGNED_OUT_KEY);

      expect(auth.syncFromStorage()).toBe('unchanged');
      expect(auth.signedIn()).toBeFalse();
      expect(area.getItem(ACCESS_TOKEN_KEY)).toBeNull();
      expect(area.getItem(SIGNED_OUT_KEY)).toBe('inactive');

      // A new sign-in (a new login) in another tab is taken as before.
      const next = makeToken(ALICE, Date.now(), 900, { sid: 'login-2' });
      store(next);
      expect(auth.syncFromStorage()).toBe('adopted');
      expect(auth.tokenIfFresh()).toBe(next);
    });

    it('adopts a token without a sid after a sign-out: it may be a new sign-in of the same user', () => {
      store(makeToken(ALICE));
      const auth = create();
      auth.end(true, 'user');
      store(makeToken(ALICE));
      expect(auth.syncFromStorage()).toBe('adopted');
      expect(auth.signedIn()).toBeTrue();
    });
  });

  it('publishes signedIn as an observable too: the current value, then each change', () => {
    const auth = create();
    const seen: boolean[] = [];
    auth.signedIn$.subscribe((value) => seen.push(value));
    TestBed.tick();
    expect(seen).toEqual([false]);
    store(makeToken());
    auth.syncFromStorage();
    TestBed.tick();
    expect(seen).toEqual([false, true]);
    // A new token for the same signed-in user is not a change of the flag.
    store(makeToken(ALICE, Date.now() + 5000));
    auth.syncFromStorage();
    TestBed.tick();
    expect(seen).toEqual([false, true]);
    const late: boolean[] = [];
    auth.signedIn$.subscribe((value) => late.push(value));
    TestBed.tick();
    expect(late).toEqual([true]);
    auth.end(true, 'user');
    TestBed.tick();
    expect(seen).toEqual([false, true, false]);
  });

  it('allows(): every rule given must hold, and nobody signed out passes', () => {
    const auth = create();
    expect(auth.allows({})).toBeFalse();
    store(makeToken(ADMIN));
    auth.syncFromStorage();
    expect(auth.allows({})).toBeTrue();
    expect(auth.allows({ roles: ['user', 'admin'] })).toBeTrue();
    expect(auth.allows({ roles: ['admin', 'auditor'] })).toBeFalse();
    expect(auth.allows({ anyRole: ['auditor', 'admin'] })).toBeTrue();
    expect(auth.allows({ anyRole: ['auditor'] })).toBeFalse();
    expect(auth.allows({ anyRole: [] })).toBeFalse();
    expect(auth.allows({ allow: (user) => user.name === 'Ada Admin' })).toBeTrue();
    expect(auth.allows({ roles: ['admin'], allow: () => false })).toBeFalse();
  });

  it('maps the user from claims with provideAuth({ mapUser }), e.g. roles in realm_access', () => {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: AUTH_OPTIONS,
          useValue: {
            ...DEFAULT_AUTH_OPTIONS,
            mapUser: (claims: AccessClaims) => ({
              ...userFromClaims(claims),
              roles: (claims['realm_access'] as { roles: string[] }).roles,
            }),
          },
        },
      ],
    });
    store(makeToken(ALICE, Date.now(), 900, { roles: [], realm_access: { roles: ['auditor'] } }));
    const auth = create();
    expect(auth.user()).toEqual({ ...ALICE, roles: ['auditor'] });
    expect(auth.hasRole('auditor')).toBeTrue();
  });

  it('signs out to the login page with a returnUrl when one is given', async () => {
    store(makeToken());
    const auth = create();
    const done = auth.signOut({ returnUrl: '/notes?page=2' });
    http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(String(navigate.calls.mostRecent().args[0])).toBe(
      '/login?returnUrl=%2Fnotes%3Fpage%3D2',
    );
  });

  describe('events (AuthEvents)', () => {
    /** What the store told, oldest first, without the times. */
    function told(): Partial<AuthEvent>[] {
      return TestBed.inject(AuthEvents)
        .recent()
        .map(({ at, ...rest }) => {
          expect(Math.abs(at - Date.now())).toBeLessThan(5_000);
          return rest;
        })
        .reverse();
    }

    const refuse = () =>
      http
        .expectOne('/auth/refresh')
        .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });

    it('tells a session restored at start-up, a sign-in and a sign-out by the user', async () => {
      store(makeToken(ALICE));
      const auth = create();
      expect(told()).toEqual([{ type: 'session-restored', user: ALICE }]);

      const out = auth.signOut();
      http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await out;
      const login = auth.login('bob@example.com', 'bob-password-1');
      http.expectOne('/auth/login').flush(grantBody(makeToken(BOB), BOB));
      await login;
      // Signing out again while signed out tells nothing: no session ended.
      auth.end(true, 'user');
      auth.end(true, 'user');

      expect(told()).toEqual([
        { type: 'session-restored', user: ALICE },
        { type: 'signed-out', reason: 'user' },
        { type: 'signed-in', user: BOB },
        { type: 'signed-out', reason: 'user' },
      ]);
    });

    it('tells an inactivity sign-out by its reason', async () => {
      store(makeToken(ALICE));
      const auth = create();
      const out = auth.signOut({ reason: 'inactive' });
      http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await out;
      expect(told().at(-1)).toEqual({ type: 'signed-out', reason: 'inactivity' });
    });

    it('tells a refresh with what set it off and how long the old token had left', async () => {
      const now = Date.now();
      store(makeToken(ALICE, now - 840_000, 900));
      const auth = create();
      const done = auth.refreshOutcome('guard');
      const fresh = makeToken(ALICE);
      http.expectOne('/auth/refresh').flush(grantBody(fresh));
      await done;
      const [, refreshed] = told();
      expect(refreshed).toEqual(
        jasmine.objectContaining({
          type: 'token-refreshed',
          trigger: 'guard',
          expiresAt: auth.expiresAt()?.getTime(),
        }),
      );
      // The old token was issued 840 s into a 900 s life (whole seconds, so 59 to 61 left).
      const left = refreshed?.type === 'token-refreshed' ? refreshed.secondsBeforeExpiry : null;
      expect(left).toBeGreaterThanOrEqual(58);
      expect(left).toBeLessThanOrEqual(61);
    });

    it('tells a refused refresh, and the end of the session with why', async () => {
      store(makeToken(ALICE));
      const auth = create();
      const byTimer = auth.refreshOutcome('timer');
      refuse();
      await byTimer;

      store(makeToken(ALICE));
      auth.syncFromStorage();
      const by401 = auth.refreshOutcome('401');
      refuse();
      await by401;

      expect(told().slice(1)).toEqual([
        { type: 'refresh-failed', trigger: 'timer', result: 'refused' },
        { type: 'signed-out', reason: 'refresh-refused' },
        { type: 'session-adopted', user: ALICE },
        // A request's token refused, then its login: the login was ended elsewhere.
        { type: 'refresh-failed', trigger: '401', result: 'refused' },
        { type: 'signed-out', reason: 'revoked' },
      ]);
    });

    it('tells a refresh that got no answer, or none it could read, and keeps the session', async () => {
      store(makeToken(ALICE));
      const auth = create();
      const offline = auth.refreshOutcome('request');
      http.expectOne('/auth/refresh').error(new ProgressEvent('error'));
      await offline;
      const garbled = auth.refreshOutcome('timer');
      http.expectOne('/auth/refresh').flush(grantBody('garbage'));
      await garbled;
      expect(told().slice(1)).toEqual([
        { type: 'refresh-failed', trigger: 'request', result: 'no-answer' },
        { type: 'refresh-failed', trigger: 'timer', result: 'no-answer' },
      ]);
      expect(auth.signedIn()).toBeTrue();
    });

    it('tells a refresh that answered for another user as refused', async () => {
      store(makeToken(ALICE));
      const auth = create();
      const done = auth.refreshOutcome('timer');
      http.expectOne('/auth/refresh').flush(grantBody(makeToken(BOB), BOB));
      await done;
      expect(told().slice(1)).toEqual([
        { type: 'refresh-failed', trigger: 'timer', result: 'refused' },
        { type: 'signed-out', reason: 'refresh-refused' },
      ]);
    });

    it('tells a session the refresh cookie brought back as restored', async () => {
      const auth = create();
      const done = auth.ensureSession();
      http.expectOne('/auth/refresh').flush(grantBody(makeToken(ALICE)));
      await expectAsync(done).toBeResolvedTo(true);
      expect(told()).toEqual([{ type: 'session-restored', user: ALICE }]);
    });

    it('never carries a token', async () => {
      const first = makeToken(ALICE);
      store(first);
      const auth = create();
      const seen: AuthEvent[] = [];
      TestBed.inject(AuthEvents).events$.subscribe((event) => seen.push(event));
      const second = makeToken(ALICE);
      const done = auth.refreshOutcome('timer');
      http.expectOne('/auth/refresh').flush(grantBody(second));
      await done;
      const out = auth.signOut();
      http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await out;
      expect(seen.map((event) => event.type)).toEqual(['token-refreshed', 'signed-out']);
      const everything = JSON.stringify(TestBed.inject(AuthEvents).recent());
      for (const token of [first, second]) {
        for (const part of token.split('.')) {
          expect(everything).not.toContain(part);
        }
      }
    });
  });

  it('shows the token decoded, header and claims, never the token itself', () => {
    const token = makeToken(ALICE, Date.now(), 900, { sid: 'login-1' });
    store(token);
    const auth = create();
    const decoded = auth.decodedToken();
    expect(decoded?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decoded?.claims).toEqual(jasmine.objectContaining({ sub: '1', sid: 'login-1' }));
    expect(JSON.stringify(decoded)).not.toContain(token.split('.')[2]);
    auth.end(true, 'user');
    expect(auth.decodedToken()).toBeNull();
  });

  it('fetches the user as the server knows them from /auth/me, with the token', () => {
    store(makeToken());
    const auth = create();
    let user: unknown;
    auth.me().subscribe((value) => (user = value));
    http.expectOne('/auth/me').flush(ALICE);
    expect(user).toEqual(ALICE);
  });
});
