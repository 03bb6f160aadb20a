import { jwtDecode } from 'jwt-decode';
import type { AccessClaims } from './auth-models';

/** Decodes an access token; anything that is not a JWT with a numeric `exp` and a `sub` is null. */
export function decodeAccessToken(token: unknown): AccessClaims | null {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    return null;
  }
  let payload: Record<string, unknown>;
  try {
    payload = jwtDecode<Record<string, unknown>>(token);
  } catch {
    return null;
  }
  const { sub, exp, iat, email, name, roles } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || typeof sub !== 'string' || sub === '') {
    return null;
  }
  return {
    ...payload,
    sub,
    exp,
    iat: typeof iat === 'number' && Number.isFinite(iat) ? iat : undefined,
    email: typeof email === 'string' ? email : '',
    name: typeof name === 'string' ? name : '',
    roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
  };
}

/** A token's JOSE header (`alg`, `typ`…), or an empty object when it cannot be read. */
export function decodeTokenHeader(token: string): Record<string, unknown> {
  try {
    return { ...jwtDecode<Record<string, unknown>>(token, { header: true }) };
  } catch {
    return {};
  }
}

/**
 * Server clock minus client clock, in ms, measured when a token arrives. The server's `Date`
 * header is preferred; the token's `iat` (issued just before the response) is the fallback.
 * Adding this to Date.now() gives the server's "now", so `exp` can be compared in either clock.
 */
export function measureClockOffset(
  serverDateHeader: string | null,
  iat: number | undefined,
  receivedAt: number,
): number {
  const fromHeader = serverDateHeader === null ? NaN : Date.parse(serverDateHeader);
  if (!Number.isNaN(fromHeader)) {
    return fromHeader - receivedAt;
  }
  return iat === undefined ? 0 : iat * 1000 - receivedAt;
}

export interface TokenTiming {
  /** `exp` converted to the client's clock. */
  expiresAt: number;
  /** From this client time on the token is treated as expired and never sent. */
  staleAt: number;
  /** When the expiry timer refreshes it. */
  refreshAt: number;
}

/**
 * Leeway and margin are capped to a fraction of the token's lifetime, so a short-lived token
 * (a 30 s TTL in tests) is neither born "expired" nor refreshed in a loop.
 */
export function tokenTiming(
  claims: AccessClaims,
  clockOffsetMs: number,
  leewaySeconds: number,
  refreshMarginSeconds: number,
): TokenTiming {
  const expiresAt = claims.exp * 1000 - clockOffsetMs;
  const lifetime = claims.iat === undefined ? Infinity : Math.max(0, claims.exp - claims.iat);
  const leeway = Math.min(leewaySeconds, lifetime * 0.1);
  const margin = Math.max(leeway, Math.min(refreshMarginSeconds, lifetime * 0.25));
  return {
    expiresAt,
    staleAt: expiresAt - leeway * 1000,
    refreshAt: expiresAt - margin * 1000,
  };
}
