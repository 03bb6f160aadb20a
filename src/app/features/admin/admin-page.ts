import { DecimalPipe } from '@angular/common';
import { Component, LOCALE_ID, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import { AuthService, type AuthUser } from '../../core/auth';
import { describeHttpError } from '../../shared/ui/http-error';
import { RoleName } from '../../shared/ui/role-name';
import { UsersApi } from './users-api';

type Users =
  | { state: 'loading' }
  | { state: 'ready'; users: AuthUser[] }
  | { state: 'error'; message: string };

@Component({
  selector: 'app-admin-page',
  imports: [DecimalPipe, RoleName],
  template: `
    <h1 i18n="@@admin.heading">Users</h1>
    <div class="alert" role="alert">{{ errorMessage() }}</div>
    @if (loaded().state === 'loading') {
      <p class="muted" i18n="@@admin.loading">Loading users…</p>
    } @else if (users(); as users) {
      <table class="card">
        <caption i18n="@@admin.caption">
          Everyone who can sign in ({{
            users.length | number
          }})
        </caption>
        <thead>
          <tr>
            <th scope="col" i18n="A person's name@@profile.name">Name</th>
            <th scope="col" i18n="@@auth.email">Email</th>
            <th scope="col" i18n="@@profile.roles">Roles</th>
          </tr>
        </thead>
        <tbody>
          @for (user of users; track user.id) {
            <tr>
              <td>
                {{ user.name }}
                @if (user.id === me()?.id) {
                  <span class="muted" i18n="Marks the signed-in user in a list of users@@admin.you"
                    >(you)</span
                  >
                }
              </td>
              <td>{{ user.email }}</td>
              <td>
                @for (role of user.roles; track role; let last = $last) {
                  <app-role-name [role]="role" />{{ last ? '' : ',' }}
                }
              </td>
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
  private readonly locale = inject(LOCALE_ID);
  protected readonly loaded = toSignal(
    inject(UsersApi)
      .list()
      .pipe(
        map((users): Users => ({ state: 'ready', users })),
        catchError((error: unknown) =>
          of<Users>({ state: 'error', message: describeHttpError(error, this.locale) }),
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
