/** Helpers shared by the auth core's own specs and its testing face: unsigned JWT-shaped tokens and token-endpoint answers. */

import type { Provider } from '@angular/core';
import { AUTH_LOCKS } from './auth-service';
import { AUTH_STORAGE_AREA, AUTH_TAB_CHANNEL, MemoryArea, type StorageArea } from './token-storage';

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface TestClaims {
  sub?: string;
  email?: string;
  name?: string;
  roles?: string[];
  iat?: number;
  exp?: number;
  [claim: string]: unknown;
}

export const ALICE = { id: 1, email: 'alice@example.com', name: 'Alice Example', roles: ['user'] };
export const BOB = { id: 2, email: 'bob@example.com', name: 'Bob Example', roles: ['user'] };
export const ADMIN = {
  id: 3,
  email: 'admin@example.com',
  name: 'Ada Admin',
  roles: ['user', 'admin'],
};

let serial = 0;

/** A token for `user` issued at `issuedAtMs` (server clock) living `ttlSeconds`. */
export function makeToken(
  user = ALICE,
  issuedAtMs = Date.now(),
  ttlSeconds = 900,
  extra: TestClaims = {},
): string {
  const iat = Math.floor(issuedAtMs / 1000);
  const claims = {
    sub: String(user.id),
    email: user.email,
    name: user.name,
    roles: user.roles,
    iat,
    exp: iat + ttlSeconds,
    jti: `test-${++serial}`,
    ...extra,
  };
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.signature`;
}

/** The body of a 200 from /auth/login or /auth/refresh. */
export function grantBody(token: string, user = ALICE, expiresIn = 900) {
  return { accessToken: token, tokenType: 'Bearer', expiresIn, user };
}

/** Lets pending promise chains and zero-delay timers run (locks, HTTP plumbing). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** Waits for `condition`, for messages that cross a BroadcastChannel in their own time. */
export async function eventually(condition: () => boolean, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A StorageArea shared by several stores in one test, as localStorage is shared by tabs. */
export { MemoryArea as FakeStorageArea };

/** localStorage as tabs see it: a write in one tab fires `storage` in the others. */
export class SharedArea extends MemoryArea {
  override setItem(key: string, value: string): void {
    super.setItem(key, value);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
  }
  override removeItem(key: string): void {
    super.removeItem(key);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: null }));
  }
}

/**
 * A tab alone in its browser, for TestBed: the session is stored in `area`, and there is no
 * BroadcastChannel to other tabs and no Web Locks (a spec that needs them provides its own).
 */
export function provideLoneTab(area: StorageArea): Provider[] {
  return [
    { provide: AUTH_STORAGE_AREA, useValue: area },
    { provide: AUTH_TAB_CHANNEL, useValue: null },
    { provide: AUTH_LOCKS, useValue: null },
  ];
}
