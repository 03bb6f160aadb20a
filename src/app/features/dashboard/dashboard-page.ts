import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth';
import { SessionTimes } from '../../shared/ui/session-times';

@Component({
  selector: 'app-dashboard-page',
  imports: [RouterLink, SessionTimes],
  template: `
    <h1 i18n="@@dashboard.hello">Hello, {{ name() }}</h1>

    <section class="card" aria-labelledby="session-heading">
      <h2 id="session-heading" i18n="@@dashboard.session">Your session</h2>
      <app-session-times [signedInAt]="auth.signedInAt()" [expiresAt]="auth.expiresAt()" />
    </section>

    <section aria-labelledby="features-heading">
      <h2 id="features-heading" i18n="@@dashboard.features">What you can do</h2>
      <ul class="features">
        <li class="card">
          <a routerLink="/notes" i18n="@@nav.notes">Notes</a>
          <p class="muted" i18n="@@dashboard.notes">Write, search and edit your own notes.</p>
        </li>
        <li class="card">
          <a routerLink="/profile" i18n="@@nav.profile">Profile</a>
          <p class="muted" i18n="@@dashboard.profile">
            Your account as the server sees it, and your session.
          </p>
        </li>
        @if (auth.hasRole('admin')) {
          <li class="card">
            <a routerLink="/admin" i18n="@@nav.users">Users</a>
            <p class="muted" i18n="@@dashboard.users">
              Everyone who can sign in (administrators only).
            </p>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .card h2 {
      margin-top: 0;
    }
    .features {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    }
    .features li {
      margin: 0;
    }
    .features a {
      font-weight: 600;
      font-size: 1.125rem;
    }
    .features p {
      margin: 0.25rem 0 0;
    }
  `,
})
export class DashboardPage {
  protected readonly auth = inject(AuthService);
  protected readonly name = computed(() => this.auth.user()?.name ?? '');
}
