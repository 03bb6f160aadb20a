import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { type LoginSession, authInterceptor } from '../../core/auth';
import { provideAuthTesting } from '../../core/auth/testing';
import { LoginSessions } from './login-sessions';

describe('LoginSessions (/auth/sessions)', () => {
  let backend: HttpTestingController;
  let sessions: LoginSessions;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideAuthTesting(),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    sessions = TestBed.inject(LoginSessions);
  });

  afterEach(() => backend.verify());

  /** The request, once the interceptor has sent it: with the access token, as the API needs. */
  async function sent(url: string, method: string) {
    await new Promise((resolve) => setTimeout(resolve));
    const request = backend.expectOne({ url, method });
    expect(request.request.headers.get('Authorization')).toMatch(/^Bearer \S+\.\S+\.\S+$/);
    return request;
  }

  it('lists the logins', async () => {
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
