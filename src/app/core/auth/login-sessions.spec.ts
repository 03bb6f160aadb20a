import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth-interceptor';
import type { LoginSession } from './auth-models';
import { AUTH_LOCKS } from './auth-service';
import { LoginSessions } from './login-sessions';
import { FakeStorageArea, makeToken } from './test-helpers';
import { ACCESS_TOKEN_KEY, AUTH_STORAGE_AREA, AUTH_TAB_CHANNEL } from './token-storage';

describe('LoginSessions (/auth/sessions)', () => {
  let backend: HttpTestingController;
  let sessions: LoginSessions;
  const token = makeToken();

  beforeEach(() => {
    const area = new FakeStorageArea();
    area.setItem(ACCESS_TOKEN_KEY, token);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: AUTH_STORAGE_AREA, useValue: area },
        { provide: AUTH_TAB_CHANNEL, useValue: null },
        { provide: AUTH_LOCKS, useValue: null },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    sessions = TestBed.inject(LoginSessions);
  });

  afterEach(() => backend.verify());

  /** Waits for the request the interceptor sends once it has the token. */
  async function sent(url: string, method: string) {
    await new Promise((resolve) => setTimeout(resolve));
    const request = backend.expectOne({ url, method });
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    return request;
  }

  it('lists the logins with the access token', async () => {
    const list: LoginSession[] = [
      { id: 'a', createdAt: '', lastUsedAt: '', device: 'Chrome on Linux', current: true },
    ];
    const result = firstValueFrom(sessions.list());
    (await sent('/auth/sessions', 'GET')).flush(list);
    await expectAsync(result).toBeResolvedTo(list);
  });

  it('ends one login by its id, escaped for the path', async () => {
    const result = firstValueFrom(sessions.end('a/b?c'));
    (await sent('/auth/sessions/a%2Fb%3Fc', 'DELETE')).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await expectAsync(result).toBeResolved();
  });

  it('ends every other login', async () => {
    const result = firstValueFrom(sessions.endOthers());
    (await sent('/auth/sessions', 'DELETE')).flush(null, { status: 204, statusText: 'No Content' });
    await expectAsync(result).toBeResolved();
  });
});
