import { InjectionToken } from '@angular/core';
import type { AccessClaims, AuthOptions, AuthUser } from './auth-models';

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  apiUrls: ['/api/', '/auth/me', '/auth/sessions'],
  storage: 'local',
  leewaySeconds: 10,
  refreshMarginSeconds: 60,
  loginPath: '/login',
  forbiddenPath: '/forbidden',
  mapUser: userFromClaims,
  idle: null,
};

/** The default `mapUser`: the claims the mock API (and CONTRACT §5) puts in its tokens. */
export function userFromClaims(claims: AccessClaims): AuthUser {
  return { id: Number(claims.sub), email: claims.email, name: claims.name, roles: claims.roles };
}

export const AUTH_OPTIONS = new InjectionToken<AuthOptions>('AUTH_OPTIONS', {
  providedIn: 'root',
  factory: () => DEFAULT_AUTH_OPTIONS,
});
