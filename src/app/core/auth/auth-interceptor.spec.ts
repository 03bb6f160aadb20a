import {
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  HttpHeaders,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SKIP_AUTH } from './auth-context';
import { AuthEvents } from './auth-events';
import { authInterceptor, bearerErrorCode, isApiUrl } from './auth-interceptor';
import type { AuthEvent } from './auth-models';
import { AuthService } from './auth-service';
import {
  ALICE,
  FakeStorageArea,
  grantBody,
  makeToken,
  settle,
  provideLoneTab,
} from './test-helpers';
import { ACCESS_TOKEN_KEY } from './token-storage';

const unauthorized = (error = 'token_expired') => ({
  status: 401,
  statusText: 'Unauthorized',
  headers: {
    'WWW-Authenticate': `Bearer realm="tokengate", error="invalid_token", error_description="x"`,
  },
  body: { error, message: 'The access token expired' },
});

describe('authInterceptor', () => {
  let area: FakeStorageArea;
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthService;

  function setUp(token: string | null = makeToken()) {
    area = new FakeStorageArea();
    if (token) {
      area.setItem(ACCESS_TOKEN_KEY, token);
    }
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthService);
  }

  function reject401(url: string, code = 'token_expired') {
    const { body, ...init } = unauthorized(code);
    backend.expectOne(url).flush(body, init);
  }

  afterEach(() => backend.verify());

  /** The events told so far, oldest first, without their times. */
  const told = () =>
    TestBed.inject(AuthEvents)
      .recent()
      .map(({ at, ...rest }) => {
        expect(at).toBeGreaterThan(0);
        return rest as Partial<AuthEvent>;
      })
      .reverse();

  it('sends the token to the API, /auth/me and /auth/sessions only, never to another origin', async () => {
    const token = makeToken();
    setUp(token);
    const urls = [
      '/api/notes',
      '/auth/me',
      '/auth/sessions',
      '/auth/sessions/abc',
      'api/notes',
      `${location.origin}/api/users`,
      '/auth/meow',
      '/auth/login',
      '/assets/config.json',
      'https://evil.example/api/notes',
      '//evil.example/api/notes',
    ];
    for (const url of urls) {
      http.get(url).subscribe();
      await settle(1);
    }
    const sent = (url: string) => backend.expectOne(url).request.headers.get('Authorization');
    expect(sent('/api/notes')).toBe(`Bearer ${token}`);
    expect(sent('/auth/me')).toBe(`Bearer ${token}`);
    expect(sent('/auth/sessions')).toBe(`Bearer ${token}`);
    expect(sent('/auth/sessions/abc')).toBe(`Bearer ${token}`);
    expect(sent(`${location.origin}/api/users`)).toBe(`Bearer ${token}`);
    for (const url of urls.slice(6)) {
      expect(sent(url)).withContext(url).toBeNull();
    }
    // Relative to the document, 'api/notes' is '/api/notes' here (base href '/').
    expect(sent('api/notes')).toBe(`Bearer ${token}`);
  });

  it('lets a request opt out with SKIP_AUTH', async () => {
    setUp();
    http.get('/api/public', { context: new HttpContext().set(SKIP_AUTH, true) }).subscribe();
    await settle(1);
    expect(backend.expectOne('/api/public').request.headers.has('Authorization')).toBeFalse();
  });

  it('refreshes an (almost) expired token before sending, never sending it expired', async () => {
    const stale = makeToken(ALICE, Date.now() - 895_000, 900);
    setUp(stale);
    const result = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    backend.expectNone('/api/notes');
    const fresh = makeToken();
    backend.expectOne('/auth/refresh').flush(grantBody(fresh));
    await settle(1);
    const req = backend.expectOne('/api/notes');
    expect(req.request.headers.get('Authorization')).toBe(`Bearer ${fresh}`);
    req.flush([{ id: 1 }]);
    await expectAsync(result).toBeResolvedTo([{ id: 1 }]);
    expect(told().at(-1)).toEqual(
      jasmine.objectContaining({ type: 'token-refreshed', trigger: 'request' }),
    );
  });

  it('20 concurrent 401s: exactly one refresh, then each request replayed once', async () => {
    const old = makeToken();
    setUp(old);
    const results = Array.from({ length: 20 }, (_, i) =>
      firstValueFrom(http.get(`/api/notes/${i}`)),
    );
    await settle(1);
    const first = backend.match((req) => req.url.startsWith('/api/notes/'));
    expect(first.length).toBe(20);
    for (const req of first) {
      expect(req.request.headers.get('Authorization')).toBe(`Bearer ${old}`);
      const { body, ...init } = unauthorized();
      req.flush(body, init);
    }
    await settle(1);
    const refreshes = backend.match('/auth/refresh');
    expect(refreshes.length).toBe(1);
    const fresh = makeToken();
    refreshes[0].flush(grantBody(fresh));
    await settle();
    const replays = backend.match((req) => req.url.startsWith('/api/notes/'));
    expect(replays.length).toBe(20);
    expect(new Set(replays.map((r) => r.request.url)).size).toBe(20);
    for (const req of replays) {
      expect(req.request.headers.get('Authorization')).toBe(`Bearer ${fresh}`);
      req.flush({ url: req.request.url });
    }
    const bodies = await Promise.all(results);
    expect(bodies.map((b) => (b as { url: string }).url)).toEqual(
      Array.from({ length: 20 }, (_, i) => `/api/notes/${i}`),
    );
    backend.expectNone('/auth/refresh');
    const [, refreshed, ...replayed] = told();
    expect(refreshed).toEqual(
      jasmine.objectContaining({ type: 'token-refreshed', trigger: '401' }),
    );
    expect(replayed).toEqual(
      Array.from({ length: 20 }, (_, i) => ({
        type: 'request-replayed',
        method: 'GET',
        url: `/api/notes/${i}`,
        after: 'refresh',
      })),
    );
  });

  it('a refused refresh fails every waiting request once, with no loop', async () => {
    setUp();
    const errors: HttpErrorResponse[] = [];
    for (let i = 0; i < 5; i++) {
      http.get(`/api/notes/${i}`).subscribe({ error: (e: HttpErrorResponse) => errors.push(e) });
    }
    await settle(1);
    for (const req of backend.match((r) => r.url.startsWith('/api/notes/'))) {
      const { body, ...init } = unauthorized();
      req.flush(body, init);
    }
    await settle(1);
    backend
      .expectOne('/auth/refresh')
      .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
    await settle();
    expect(errors.length).toBe(5);
    expect(errors.every((e) => e.status === 401)).toBeTrue();
    expect(store.signedIn()).toBeFalse();
    backend.expectNone(() => true);
  });

  it('never refreshes on a 401 from the token endpoints', async () => {
    setUp();
    const login = firstValueFrom(http.post('/auth/login', { email: 'a@b.c', password: 'x' }));
    const refresh = firstValueFrom(http.post('/auth/refresh', null));
    await settle(1);
    backend
      .expectOne('/auth/login')
      .flush({ error: 'invalid_credentials', message: 'x' }, { status: 401, statusText: 'No' });
    backend
      .expectOne('/auth/refresh')
      .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
    await expectAsync(login).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    await expectAsync(refresh).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    backend.expectNone('/auth/refresh');
  });

  it('passes a 403 through and stays signed in', async () => {
    setUp();
    const result = firstValueFrom(http.get('/api/users'));
    await settle(1);
    backend
      .expectOne('/api/users')
      .flush({ error: 'forbidden', message: 'x' }, { status: 403, statusText: 'Forbidden' });
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ status: 403 }));
    expect(store.signedIn()).toBeTrue();
    backend.expectNone('/auth/refresh');
  });

  it('passes a 401 that is not about the token through without refreshing', async () => {
    setUp();
    const result = firstValueFrom(http.post('/api/confirm', {}));
    await settle(1);
    backend
      .expectOne('/api/confirm')
      .flush({ error: 'wrong_password', message: 'x' }, { status: 401, statusText: 'No' });
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    backend.expectNone('/auth/refresh');
  });

  it('does not refresh for a request sent with no session at all', async () => {
    setUp(null);
    const result = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    const req = backend.expectOne('/api/notes');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    reject401Req(req, 'missing_token');
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    backend.expectNone('/auth/refresh');
  });

  it('replays with a token refreshed meanwhile instead of refreshing again', async () => {
    const old = makeToken();
    setUp(old);
    const result = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    const pending = backend.expectOne('/api/notes');
    const fresh = makeToken();
    area.setItem(ACCESS_TOKEN_KEY, fresh);
    store.syncFromStorage();
    const { body, ...init } = unauthorized();
    pending.flush(body, init);
    await settle(1);
    backend.expectNone('/auth/refresh');
    const replay = backend.expectOne('/api/notes');
    expect(replay.request.headers.get('Authorization')).toBe(`Bearer ${fresh}`);
    replay.flush([]);
    await expectAsync(result).toBeResolvedTo([]);
    expect(told().at(-1)).toEqual({
      type: 'request-replayed',
      method: 'GET',
      url: '/api/notes',
      after: 'refresh',
    });
  });

  it('tells a replay by the path alone: a query may hold what the user searched for', async () => {
    setUp();
    const result = firstValueFrom(http.get('/api/notes?q=secret+plans'));
    await settle(1);
    reject401('/api/notes?q=secret+plans');
    await settle(1);
    backend.expectOne('/auth/refresh').flush(grantBody(makeToken()));
    await settle(1);
    backend.expectOne('/api/notes?q=secret+plans').flush([]);
    await result;
    expect(told().at(-1)).toEqual(jasmine.objectContaining({ url: '/api/notes' }));
    expect(JSON.stringify(told())).not.toContain('secret');
  });

  it('replays once only: a second 401 reaches the caller', async () => {
    setUp();
    const result = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    reject401('/api/notes');
    await settle(1);
    backend.expectOne('/auth/refresh').flush(grantBody(makeToken()));
    await settle(1);
    reject401('/api/notes', 'invalid_token');
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    backend.expectNone('/auth/refresh');
  });

  it('keeps the session when the refresh gets no answer, and fails the request', async () => {
    setUp();
    const result = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    reject401('/api/notes');
    await settle(1);
    backend.expectOne('/auth/refresh').error(new ProgressEvent('error'));
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    expect(store.signedIn()).toBeTrue();
    expect(told().at(-1)).toEqual({
      type: 'refresh-failed',
      trigger: '401',
      result: 'no-answer',
    });
  });

  it('does not send a request whose stale token could not be refreshed', async () => {
    setUp(makeToken(ALICE, Date.now() - 899_000, 900));
    const offline = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    backend.expectOne('/auth/refresh').error(new ProgressEvent('error'));
    await expectAsync(offline).toBeRejectedWith(jasmine.objectContaining({ status: 0 }));

    const ended = firstValueFrom(http.get('/api/notes'));
    await settle(1);
    backend
      .expectOne('/auth/refresh')
      .flush({ error: 'invalid_grant', message: 'x' }, { status: 401, statusText: 'No' });
    const error = await ended.catch((e: unknown) => e as HttpErrorResponse);
    expect(error).toEqual(jasmine.objectContaining({ status: 401 }));
    expect(bearerErrorCode(error as HttpErrorResponse)).toBe('session_ended');
    backend.expectNone('/api/notes');
  });

  function reject401Req(req: ReturnType<HttpTestingController['expectOne']>, code: string) {
    const { body, ...init } = unauthorized(code);
    req.flush(body, init);
  }
});

describe('isApiUrl', () => {
  const base = 'http://app.example/';

  it('matches path prefixes on the same origin only', () => {
    expect(isApiUrl('/api/notes', ['/api/'], base)).toBeTrue();
    expect(isApiUrl('/api', ['/api/'], base)).toBeFalse();
    expect(isApiUrl('/auth/me', ['/auth/me'], base)).toBeTrue();
    expect(isApiUrl('/auth/me/', ['/auth/me'], base)).toBeTrue();
    expect(isApiUrl('/auth/meow', ['/auth/me'], base)).toBeFalse();
    expect(isApiUrl('/api/../auth/refresh', ['/api/'], base)).toBeFalse();
    expect(isApiUrl('http://other.example/api/notes', ['/api/'], base)).toBeFalse();
  });

  it('matches absolute URL prefixes and regular expressions', () => {
    const apis = ['https://api.example/v1/', /^https:\/\/data\.example\//];
    expect(isApiUrl('https://api.example/v1/notes', apis, base)).toBeTrue();
    expect(isApiUrl('https://api.example.evil/v1/notes', apis, base)).toBeFalse();
    expect(isApiUrl('https://api.example/v2/notes', apis, base)).toBeFalse();
    expect(isApiUrl('https://data.example/x', apis, base)).toBeTrue();
    expect(isApiUrl('/api/notes', ['not a url'], base)).toBeFalse();
    expect(isApiUrl('/api/notes', ['/api/'], 'not a base')).toBeFalse();
  });
});

describe('bearerErrorCode', () => {
  it('reads the body first, then WWW-Authenticate', () => {
    const withBody = new HttpErrorResponse({ status: 401, error: { error: 'token_expired' } });
    expect(bearerErrorCode(withBody)).toBe('token_expired');
    const withHeader = new HttpErrorResponse({
      status: 401,
      error: 'Unauthorized',
      headers: new HttpHeaders({
        'WWW-Authenticate': 'Bearer realm="tokengate", error="invalid_token"',
      }),
    });
    expect(bearerErrorCode(withHeader)).toBe('invalid_token');
    expect(bearerErrorCode(new HttpErrorResponse({ status: 401 }))).toBeNull();
  });
});
