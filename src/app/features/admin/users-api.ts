import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type { AuthUser } from '../../core/auth';

/** GET /api/users: the admin-only, read-only list of accounts (never a password hash). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<AuthUser[]> {
    return this.http.get<AuthUser[]>('/api/users');
  }
}
