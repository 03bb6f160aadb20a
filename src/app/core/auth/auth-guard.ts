import { inject } from '@angular/core';
import {
  ActivatedRouteSnapshot,
  CanActivateChildFn,
  CanActivateFn,
  CanMatchFn,
  Route,
  Router,
  RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { AUTH_OPTIONS } from './auth-options';
import { AuthStore } from './auth-store';
import { sanitizeReturnUrl } from './return-url';

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

/** Signed in (after one silent refresh if needed), else the login page with a returnUrl. */
export const authGuard: AuthGuardFn = async (_route: unknown, second: unknown) => {
  const router = inject(Router);
  const store = inject(AuthStore);
  const url = askedUrl(router, second);
  const login = toLogin(router, url);
  return (await store.ensureSession()) ? true : login;
};

/** Needs every role in the route's `data.roles`; signed in without them → the forbidden page. */
export const roleGuard: AuthGuardFn = async (
  route: ActivatedRouteSnapshot | Route,
  second: unknown,
) => {
  const router = inject(Router);
  const store = inject(AuthStore);
  const forbidden = router.parseUrl(inject(AUTH_OPTIONS).forbiddenPath);
  const login = toLogin(router, askedUrl(router, second));
  if (!(await store.ensureSession())) {
    return login;
  }
  const roles: unknown = route.data?.['roles'];
  const required = Array.isArray(roles) ? roles.filter((r) => typeof r === 'string') : [];
  return required.every((role) => store.hasRole(role)) ? true : forbidden;
};

/** For the login page: a signed-in user goes straight to the (sanitized) returnUrl or '/'. */
export const guestGuard: AuthGuardFn = async (_route: unknown, second: unknown) => {
  const router = inject(Router);
  const store = inject(AuthStore);
  const asked = router.parseUrl(askedUrl(router, second));
  const destination = router.parseUrl(sanitizeReturnUrl(asked.queryParams['returnUrl']));
  if (!store.signedIn()) {
    return true;
  }
  return (await store.ensureSession()) ? destination : true;
};

/** Whether the page now shown sits behind authGuard, i.e. losing the session loses the page. */
export function isOnGuardedPage(router: Router): boolean {
  let node: ActivatedRouteSnapshot | null = router.routerState.snapshot.root;
  while (node) {
    const config = node.routeConfig;
    const guards = [
      ...(config?.canActivate ?? []),
      ...(config?.canActivateChild ?? []),
      ...(config?.canMatch ?? []),
    ];
    if (guards.includes(authGuard) || guards.includes(roleGuard)) {
      return true;
    }
    node = node.firstChild;
  }
  return false;
}
