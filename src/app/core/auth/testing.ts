import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  EnvironmentProviders,
  Injectable,
  InjectionToken,
  Injector,
  inject,
  makeEnvironmentProviders,
} from '@angular/core';
import { Observable, defer, of, throwError } from 'rxjs';
import { AuthApi, TokenGrant } from './auth-api';
import type { AuthUser } from './auth-models';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS } from './auth-options';
import { type TestClaims, grantBody, makeToken, provideLoneTab } from './test-helpers';
import { ACCESS_TOKEN_KEY, MemoryArea, SESSION_META_KEY } from './token-storage';

/** What `provideAuthTesting()` accepts. */
export interface AuthTestingOptions {
  /** The signed-in user (fields not given come from TEST_USER); `null` for a signed-out app. */
  user?: Partial<AuthUser> | null;
  /** Shorthand for `user.roles`. */
  roles?: string[];
  /** More claims for the user's tokens, e.g. the login's `sid` (CONTRACT §5). */
  claims?: TestClaims;
}

/** The user `provideAuthTesting()` signs in when a spec does not name one. */
export const TEST_USER: AuthUser = {
  id: 1,
  email: 'test.user@example.com',
  name: 'Test User',
  roles: ['user'],
};

const TESTING_USER = new InjectionToken<AuthUser>('TESTING_USER');
const TESTING_CLAIMS = new InjectionToken<TestClaims>('TESTING_CLAIMS');

/**
 * The real AuthService for specs of guarded pages and components, signed in as `user` (or signed
 * out), with no HTTP and no storage behind it: the session lives in memory, sign-in accepts that
 * user's email with any password, a refresh is refused (as by a server whose session ended), and
 * sign-out needs no server. `me()` is still a real `GET /auth/me`: specs that show it provide
 * `provideHttpClient()` and `provideHttpClientTesting()`.
 *
 * ```ts
 * TestBed.configureTestingModule({ providers: [provideRouter([]), provideAuthTesting({ roles: ['user', 'admin'] })] });
 * ```
 */
export function provideAuthTesting({
  user,
  roles,
  claims = {},
}: AuthTestingOptions = {}): EnvironmentProviders {
  const signedIn: AuthUser | null =
    user === null ? null : { ...TEST_USER, ...user, ...(roles ? { roles } : {}) };
  const area = new MemoryArea();
  if (signedIn) {
    area.setItem(ACCESS_TOKEN_KEY, makeToken(signedIn, Date.now(), 24 * 3600, claims));
    area.setItem(SESSION_META_KEY, JSON.stringify({ clockOffsetMs: 0, signedInAt: Date.now() }));
  }
  return makeEnvironmentProviders([
    { provide: AUTH_OPTIONS, useValue: { ...DEFAULT_AUTH_OPTIONS, storage: 'memory' } },
    ...provideLoneTab(area),
    { provide: TESTING_USER, useValue: signedIn ?? TEST_USER },
    { provide: TESTING_CLAIMS, useValue: claims },
    { provide: AuthApi, useClass: TestingAuthApi },
  ]);
}

@Injectable()
class TestingAuthApi implements Pick<AuthApi, 'login' | 'refresh' | 'logout' | 'me'> {
  private readonly user = inject(TESTING_USER);
  private readonly claims = inject(TESTING_CLAIMS);
  private readonly injector = inject(Injector);

  login(email: string): Observable<TokenGrant> {
    if (email.toLowerCase() !== this.user.email.toLowerCase()) {
      return throwError(() => new HttpErrorResponse({ status: 401, url: '/auth/login' }));
    }
    const token = makeToken(this.user, Date.now(), 24 * 3600, this.claims);
    return of({ ...grantBody(token, this.user), serverDate: null, receivedAt: Date.now() });
  }

  refresh(): Observable<TokenGrant> {
    return throwError(() => new HttpErrorResponse({ status: 401, url: '/auth/refresh' }));
  }

  logout(): Observable<void> {
    return of(undefined);
  }

  me(): Observable<AuthUser> {
    return defer(() => this.injector.get(HttpClient).get<AuthUser>('/auth/me'));
  }
}
