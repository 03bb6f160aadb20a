import type { ActivatedRouteSnapshot, Data, Router } from '@angular/router';
import { AUTH_ROUTE_DATA, type AuthRouteData } from './auth-models';

/** The route's auth data as `guarded()` set it, or null for a public route. */
export function authRouteData(data: Data | undefined): AuthRouteData | null {
  const value: unknown = data?.[AUTH_ROUTE_DATA];
  return value !== null && typeof value === 'object' ? (value as AuthRouteData) : null;
}

/**
 * Whether the page now shown is guarded, i.e. losing the session loses the page. Read from the
 * routes' data, not from which guard functions they list, so wrapping or composing the guard
 * leaves the re-login dialog, the timer's redirect and tab sync working.
 */
export function isOnGuardedPage(router: Router): boolean {
  let node: ActivatedRouteSnapshot | null = router.routerState.snapshot.root;
  while (node) {
    if (authRouteData(node.routeConfig?.data)) {
      return true;
    }
    node = node.firstChild;
  }
  return false;
}
