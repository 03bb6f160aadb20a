import { Routes } from '@angular/router';
import { authGuard, guestGuard, roleGuard } from './core/auth/auth-guard';

// Every page is lazy so the shell stays small, and canMatch keeps a user without the role from ever
// downloading the admin chunk.
export const routes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Tokengate',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'forbidden',
    title: 'Access denied · Tokengate',
    loadComponent: () => import('./features/forbidden/forbidden-page').then((m) => m.ForbiddenPage),
  },
  {
    path: '',
    canActivateChild: [authGuard],
    runGuardsAndResolvers: 'always',
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Dashboard · Tokengate',
        loadComponent: () =>
          import('./features/dashboard/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        path: 'notes',
        canMatch: [authGuard],
        loadChildren: () => import('./features/notes/notes.routes'),
      },
      {
        path: 'profile',
        title: 'Profile · Tokengate',
        canMatch: [authGuard],
        loadComponent: () => import('./features/profile/profile-page').then((m) => m.ProfilePage),
      },
      {
        path: 'admin',
        title: 'Users · Tokengate',
        canMatch: [authGuard, roleGuard],
        data: { roles: ['admin'] },
        loadComponent: () => import('./features/admin/admin-page').then((m) => m.AdminPage),
      },
    ],
  },
  {
    path: '**',
    title: 'Page not found · Tokengate',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
