// The auth core's public face: pages, the layout and app config import from here, never from the
// files behind it (npm run lint enforces it). Specs of pages use './testing' beside it.
export { SKIP_AUTH } from './auth-context';
export { provideAuth } from './auth-config';
export { AuthError, type AuthErrorCode, formatWait } from './auth-errors';
export { authGuard, guarded, guestGuard } from './auth-guard';
export { AuthEvents } from './auth-events';
export { authInterceptor } from './auth-interceptor';
export type {
  AccessClaims,
  AuthEvent,
  AuthEventType,
  AuthOptions,
  AuthRouteData,
  AuthUser,
  DecodedToken,
  IdleOptions,
  LoginSession,
  RefreshTrigger,
  SignedOutReason,
  SignOutReason,
} from './auth-models';
export { AuthService } from './auth-service';
export { Inactivity } from './inactivity';
export { sanitizeReturnUrl } from './return-url';
export { type Drafts, UserDrafts } from './user-drafts';
