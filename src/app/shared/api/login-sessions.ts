import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import type { LoginSession } from '../../core/auth';

/**
 * The user's logins on the server (CONTRACT §4, `/auth/sessions`): where they are signed in, and
 * ending one or all the others. The requests carry the access token like any API call (the path is
 * in the auth core's default `apiUrls`), so a login ended elsewhere meets the re-login dialog here
 * too. Outside the auth core, whose every export starts with the app: only the pages that show
 * logins (`/profile`, `/session`) use it, so it loads with them.
 */
@Injectable({ providedIn: 'root' })
export class LoginSessions {
  private readonly http = inject(HttpClient);

  /** The live logins, newest first, the one this browser uses marked `current`. */
  list(): Observable<LoginSession[]> {
    return this.http.get<LoginSession[]>('/auth/sessions');
  }

  /** Ends that login at once: its refresh token and every access token it issued are refused. */
  end(id: string): Observable<void> {
    return this.http.delete(`/auth/sessions/${encodeURIComponent(id)}`).pipe(map(() => undefined));
  }

  /** Ends every login of the user but this browser's. */
  endOthers(): Observable<void> {
    return this.http.delete('/auth/sessions').pipe(map(() => undefined));
  }
}
