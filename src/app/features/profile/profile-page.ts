import { Component, LOCALE_ID, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import { AuthService, type AuthUser } from '../../core/auth';
import { describeHttpError } from '../../shared/ui/http-error';
import { RoleName } from '../../shared/ui/role-name';
import { SessionTimes } from '../../shared/ui/session-times';
import { SessionsList } from './sessions-list';

type Profile =
  { state: 'loading' } | { state: 'ready'; user: AuthUser } | { state: 'error'; message: string };

@Component({
  selector: 'app-profile-page',
  imports: [RoleName, SessionTimes, SessionsList],
  template: `
    <h1 i18n="@@profile.heading">Your profile</h1>

    <section
      class="card"
      aria-labelledby="account-heading"
      [attr.aria-busy]="profile().state === 'loading'"
    >
      <h2 id="account-heading" i18n="@@profile.account">Account</h2>
      @switch (profile().state) {
        @case ('loading') {
          <p class="muted" i18n="@@profile.loading">Loading your profile…</p>
        }
        @case ('error') {
          <div class="alert" role="alert">{{ errorMessage() }}</div>
        }
        @case ('ready') {
          @if (user(); as user) {
            <dl class="details">
              <div>
                <dt i18n="A person's name@@profile.name">Name</dt>
                <dd>{{ user.name }}</dd>
              </div>
              <div>
                <dt i18n="@@auth.email">Email</dt>
                <dd>{{ user.email }}</dd>
              </div>
              <div>
                <dt i18n="@@profile.userId">User id</dt>
                <dd>{{ user.id }}</dd>
              </div>
              <div>
                <dt i18n="@@profile.roles">Roles</dt>
                <dd>
                  <ul class="roles">
                    @for (role of user.roles; track role) {
                      <li><app-role-name [role]="role" /></li>
                    }
                  </ul>
                </dd>
              </div>
            </dl>
          }
        }
      }
    </section>

    <section class="card" aria-labelledby="session-heading">
      <h2 id="session-heading" i18n="@@profile.session">Session</h2>
      <app-session-times [signedInAt]="auth.signedInAt()" [expiresAt]="auth.expiresAt()" />
    </section>

    <app-sessions-list />
  `,
  styles: `
    .card h2 {
      margin-top: 0;
    }
    .roles {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .roles li {
      padding: 0 0.5rem;
      border: 1px solid var(--border);
      border-radius: 999px;
      font-size: 0.875rem;
    }
  `,
})
export class ProfilePage {
  protected readonly auth = inject(AuthService);
  private readonly locale = inject(LOCALE_ID);

  // Asks the server rather than trusting the token's claims: this is what the API knows about you.
  protected readonly profile = toSignal(
    this.auth.me().pipe(
      map((user): Profile => ({ state: 'ready', user })),
      catchError((error: unknown) =>
        of<Profile>({ state: 'error', message: describeHttpError(error, this.locale) }),
      ),
    ),
    { initialValue: { state: 'loading' } as Profile },
  );
  protected readonly user = computed(() => {
    const profile = this.profile();
    return profile.state === 'ready' ? profile.user : null;
  });
  protected readonly errorMessage = computed(() => {
    const profile = this.profile();
    return profile.state === 'error' ? profile.message : '';
  });
}
