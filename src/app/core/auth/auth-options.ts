import { InjectionToken } from '@angular/core';
import type { AuthOptions } from './auth-models';

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  apiUrls: ['/api/', '/auth/me'],
  storage: 'local',
  leewaySeconds: 10,
  refreshMarginSeconds: 60,
  loginPath: '/login',
  forbiddenPath: '/forbidden',
};

export const AUTH_OPTIONS = new InjectionToken<AuthOptions>('AUTH_OPTIONS', {
  providedIn: 'root',
  factory: () => DEFAULT_AUTH_OPTIONS,
});
