import { inject } from '@angular/core';
import {
  CanActivateChildFn,
  CanActivateFn,
  CanMatchFn,
  Data,
  Route,
  Router,
  RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { AUTH_ROUTE_DATA, type AuthRouteData } from './auth-models';
import { AUTH_OPTIONS } from './auth-options';
import { AuthService } from './auth-service';
import { sanitizeReturnUrl } from './return-url';
import { authRouteData } from './route-data';

/** One function for canActivate, canActivateChild and canMatch (lazy routes). */
export type AuthGuardFn = CanActivateFn & CanActivateChildFn & CanMatchFn;

/**
 * The URL being navigated to. canActivate(Child) get it in the state; canMatch only gets
 * segments relative to its parent, so it comes from the router's current navigation.
 */
function askedUrl(router: Router, second: unknown): string {
  if (isRouterState(second)) {
    return second.url;
  }
  const navigation = router.currentNavigation();
  const target = navigation?.finalUrl ?? navigation?.extractedUrl;
  return target ? router.serializeUrl(target) : router.url;
}

function isRouterState(value: unknown): value is RouterStateSnapshot {
  return typeof value === 'object' && value !== null && 'root' in value && 'url' in value;
}

function toLogin(router: Router, returnUrl: string): UrlTree {
  const loginPath = inject(AUTH_OPTIONS).loginPath;
  const queryParams = returnUrl === '/' ? {} : { returnUrl };
  return router.createUrlTree([loginPath], { queryParams });
}

/**
 * Signed in (after one silent refresh if needed), else the login page with a returnUrl; then the
 * route's `guarded({ roles, anyRole, allow })` rules, else the forbidden page.
 */
export const authGuard: AuthGuardFn = async (route: { data?: Data }, second: unknown) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  const options = inject(AUTH_OPTIONS);
  const login = toLogin(router, askedUrl(router, second));
  if (!(await auth.ensureSession())) {
    return login;
  }
  const rules = authRouteData(route.data) ?? {};
  return auth.allows(rules) ? true : router.parseUrl(options.forbiddenPath);
};

/** For the login page: a signed-in user goes straight to the (sanitized) returnUrl or '/'. */
export const guestGuard: AuthGuardFn = async (_route: unknown, second: unknown) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  const asked = router.parseUrl(askedUrl(router, second));
  const destination = router.parseUrl(sanitizeReturnUrl(asked.queryParams['returnUrl']));
  if (!auth.signedIn()) {
    return true;
  }
  return (await auth.ensureSession()) ? destination : true;
};

/**
 * What a guarded route needs, to spread into it: `{ path: 'reports', ...guarded(), loadComponent }`.
 *
 * - `canMatch` keeps a user who may not see the page from downloading its chunk;
 * - `canActivate` with `runGuardsAndResolvers: 'always'` checks expiry on every navigation,
 *   query-only ones (paging, search) included;
 * - the data marks the page as guarded, which the interceptor (re-login dialog), the expiry timer
 *   and tab sync read, whatever guards the route lists.
 */
export function guarded(
  data: AuthRouteData = {},
): Required<Pick<Route, 'canMatch' | 'canActivate' | 'runGuardsAndResolvers' | 'data'>> {
  return {
    canMatch: [authGuard],
    canActivate: [authGuard],
    runGuardsAndResolvers: 'always',
    data: { [AUTH_ROUTE_DATA]: data },
  };
}
