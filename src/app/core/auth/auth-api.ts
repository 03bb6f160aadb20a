import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { SKIP_AUTH } from './auth-context';
import type { AuthUser } from './auth-models';

interface TokenResponseBody {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  user: AuthUser;
}

/** A login/refresh answer plus what the skew correction needs: the server's clock and ours. */
export interface TokenGrant extends TokenResponseBody {
  serverDate: string | null;
  receivedAt: number;
}

/** The endpoints of CONTRACT §4. login/refresh/logout never carry the access token. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly anonymous = () => new HttpContext().set(SKIP_AUTH, true);

  login(email: string, password: string): Observable<TokenGrant> {
    return this.http
      .post<TokenResponseBody>(
        '/auth/login',
        { email, password },
        { observe: 'response', context: this.anonymous() },
      )
      .pipe(map(toGrant));
  }

  /** The refresh token travels as an HttpOnly cookie the browser attaches itself. */
  refresh(): Observable<TokenGrant> {
    return this.http
      .post<TokenResponseBody>('/auth/refresh', null, {
        observe: 'response',
        context: this.anonymous(),
      })
      .pipe(map(toGrant));
  }

  logout(): Observable<void> {
    return this.http
      .post('/auth/logout', null, { context: this.anonymous() })
      .pipe(map(() => undefined));
  }

  me(): Observable<AuthUser> {
    return this.http.get<AuthUser>('/auth/me');
  }
}

function toGrant(response: HttpResponse<TokenResponseBody>): TokenGrant {
  if (!response.body || typeof response.body.accessToken !== 'string') {
    throw new Error('The token endpoint answered without a token.');
  }
  return {
    ...response.body,
    serverDate: response.headers.get('Date'),
    receivedAt: Date.now(),
  };
}
