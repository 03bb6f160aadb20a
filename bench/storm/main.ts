// A bench-only entry point for the 401 storm. No page of the app fires 50 requests at once, so this
// boots the app's own providers (appConfig: HttpClient with the auth interceptor, the auth store,
// token storage, expiry timer) without any component, and lets the bench call into them.
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { createApplication } from '@angular/platform-browser';
import { jwtDecode } from 'jwt-decode';
import { firstValueFrom } from 'rxjs';
import { appConfig } from '../../src/app/app.config';
import { AuthStore } from '../../src/app/core/auth/auth-store';

export interface StormBench {
  signIn(email: string, password: string): Promise<boolean>;
  /** The `exp` claim (server seconds) of the token the app holds now, null when it holds none. */
  tokenExpiry(): number | null;
  /** Fires `count` GETs in the same tick; resolves with each final HTTP status (0 = network error). */
  storm(count: number): Promise<number[]>;
}

declare global {
  interface Window {
    tokengateBench?: StormBench;
  }
}

createApplication(appConfig).then((appRef) => {
  const http = appRef.injector.get(HttpClient);
  const auth = appRef.injector.get(AuthStore);
  window.tokengateBench = {
    async signIn(email, password) {
      await auth.login(email, password);
      return auth.signedIn();
    },
    tokenExpiry() {
      const token = auth.token();
      return token ? (jwtDecode(token).exp ?? null) : null;
    },
    storm(count) {
      const requests = Array.from({ length: count }, (_, i) =>
        // Distinct pages so that no cache or deduplication could answer two requests with one.
        firstValueFrom(
          http.get(`/api/notes?_page=${i + 1}&_limit=1`, { observe: 'response' }),
        ).then(
          (response) => response.status,
          (error: HttpErrorResponse) => error.status,
        ),
      );
      return Promise.all(requests);
    },
  };
  document.body.dataset['benchReady'] = 'true';
});
