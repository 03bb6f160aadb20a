import { Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import { AuthService, type AuthUser } from '../../core/auth';
import { describeHttpError } from '../../shared/ui/http-error';
import { UsersApi } from './users-api';

type Users =
  | { state: 'loading' }
  | { state: 'ready'; users: AuthUser[] }
  | { state: 'error'; message: string };

@Component({
  selector: 'app-admin-page',
  template: `
    <h1>Users</h1>
    <div class="alert" role="alert">{{ errorMessage() }}</div>
    @if (loaded().state === 'loading') {
      <p class="muted">Loading users…</p>
    } @else if (users(); as users) {
      <table class="card">
        <caption>
          Everyone who can sign in ({{
            users.length
          }})
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
          </tr>
        </thead>
        <tbody>
          @for (user of users; track user.id) {
            <tr>
              <td>
                {{ user.name }}
                @if (user.id === me()?.id) {
                  <span class="muted">(you)</span>
                }
              </td>
              <td>{{ user.email }}</td>
              <td>{{ user.roles.join(', ') }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      padding: 0;
    }
    caption {
      text-align: left;
      padding: 0.75rem 1rem;
      font-weight: 600;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem 1rem;
      border-top: 1px solid var(--border-soft);
      overflow-wrap: anywhere;
      vertical-align: top;
    }
    @media (max-width: 30rem) {
      th,
      td {
        padding: 0.5rem;
      }
    }
  `,
})
export class AdminPage {
  /** Marks the admin's own row: the one account whose roles they should think twice about. */
  protected readonly me = inject(AuthService).user;
  protected readonly loaded = toSignal(
    inject(UsersApi)
      .list()
      .pipe(
        map((users): Users => ({ state: 'ready', users })),
        catchError((error: unknown) =>
          of<Users>({ state: 'error', message: describeHttpError(error) }),
        ),
      ),
    { initialValue: { state: 'loading' } as Users },
  );
  protected readonly users = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'ready' ? loaded.users : null;
  });
  protected readonly errorMessage = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'error' ? loaded.message : '';
  });
}
