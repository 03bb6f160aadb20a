import { Routes } from '@angular/router';
import { guarded, guestGuard } from './core/auth';

// Every page is lazy. A guarded page is one line: `...guarded()` (or `...guarded({ roles })`)
// checks the session on every navigation and, through canMatch, keeps a user who may not see
// the page from downloading its chunk (docs/auth.md, "Add a guarded route").
export const routes: Routes = [
  {
    path: 'login',
    title: $localize`:@@title.login:Sign in · Tokengate`,
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'forbidden',
    title: $localize`:@@title.forbidden:Access denied · Tokengate`,
    loadComponent: () => import('./features/forbidden/forbidden-page').then((m) => m.ForbiddenPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: $localize`:@@title.dashboard:Dashboard · Tokengate`,
    ...guarded(),
    loadComponent: () => import('./features/dashboard/dashboard-page').then((m) => m.DashboardPage),
  },
  { path: 'notes', ...guarded(), loadChildren: () => import('./features/notes/notes.routes') },
  {
    path: 'profile',
    title: $localize`:@@title.profile:Profile · Tokengate`,
    ...guarded(),
    loadComponent: () => import('./features/profile/profile-page').then((m) => m.ProfilePage),
  },
  {
    path: 'admin',
    title: $localize`:@@title.admin:Users · Tokengate`,
    ...guarded({ roles: ['admin'] }),
    loadComponent: () => import('./features/admin/admin-page').then((m) => m.AdminPage),
  },
  {
    path: 'session',
    title: $localize`:@@title.session:Session · Tokengate`,
    ...guarded(),
    loadComponent: () => import('./features/session/session-page').then((m) => m.SessionPage),
  },
  // guarded routes
  {
    path: '**',
    title: $localize`:@@title.notFound:Page not found · Tokengate`,
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
