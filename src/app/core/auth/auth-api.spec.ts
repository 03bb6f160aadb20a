import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';
import { authInterceptor } from './auth-interceptor';
import {
  ALICE,
  FakeStorageArea,
  grantBody,
  makeToken,
  settle,
  provideLoneTab,
} from './test-helpers';
import { ACCESS_TOKEN_KEY } from './token-storage';

describe('AuthApi', () => {
  let api: AuthApi;
  let backend: HttpTestingController;
  const token = makeToken();

  beforeEach(() => {
    const area = new FakeStorageArea();
    area.setItem(ACCESS_TOKEN_KEY, token);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        ...provideLoneTab(area),
      ],
    });
    api = TestBed.inject(AuthApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('me() asks /auth/me with the bearer token', async () => {
    const me = firstValueFrom(api.me());
    await settle(1);
    const req = backend.expectOne('/auth/me');
    expect(req.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    req.flush(ALICE);
    await expectAsync(me).toBeResolvedTo(ALICE);
  });

  it('returns the grant with the server clock and the time it arrived', async () => {
    const before = Date.now();
    const grant = firstValueFrom(api.refresh());
    const req = backend.expectOne('/auth/refresh');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush(grantBody(token), { headers: { Date: 'Sat, 28 Nov 2026 12:00:00 GMT' } });
    const value = await grant;
    expect(value.accessToken).toBe(token);
    expect(value.user).toEqual(ALICE);
    expect(value.serverDate).toBe('Sat, 28 Nov 2026 12:00:00 GMT');
    expect(value.receivedAt).toBeGreaterThanOrEqual(before);
  });

  it('treats an answer without a token as a failure', async () => {
    const grant = firstValueFrom(api.login('a@b.c', 'x'));
    backend.expectOne('/auth/login').flush({ error: 'nope' });
    await expectAsync(grant).toBeRejectedWithError(/without a token/);
  });
});
