import { expect, type APIRequest, type BrowserContext } from '@playwright/test';
import type { DemoUser } from './demo-users';
import { ACCESS_TOKEN_KEY, SESSION_META_KEY } from './storage';

/** What a browser context needs to start signed in: Playwright's storage-state shape. */
export type StorageState = Exclude<Parameters<BrowserContext['setStorageState']>[0], string>;

export interface ApiSession {
  /** The storage state a signed-in app leaves behind: the refresh cookie and the stored session. */
  readonly state: StorageState;
  /** The access token the API issued (it is also in `state`). */
  readonly accessToken: string;
}

/**
 * Signs `user` in with a request context of its own, through the app's origin (the dev-server
 * proxy, as the browser would), and returns the storage state the app would have written after a
 * sign-in through the form: the refresh cookie exactly as the API set it, and in localStorage the
 * token plus the session meta (CONTRACT §7; key names from src/app/core/auth/token-storage.ts).
 */
export async function signInThroughApi(
  newRequest: APIRequest,
  appURL: string,
  user: Pick<DemoUser, 'email' | 'password'>,
): Promise<ApiSession> {
  const request = await newRequest.newContext({ baseURL: appURL });
  try {
    const response = await request.post('/auth/login', {
      data: { email: user.email, password: user.password },
    });
    // Taken when the answer arrived, as the app does: the server's Date minus this is the skew.
    const receivedAt = Date.now();
    expect(response.status(), `API sign-in as ${user.email}`).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const serverDate = Date.parse(response.headers()['date'] ?? '');
    const clockOffsetMs = Number.isNaN(serverDate) ? 0 : serverDate - receivedAt;
    const { cookies } = await request.storageState();
    expect(
      cookies.map((c) => c.name),
      'the API set the refresh cookie',
    ).toContain('refresh_token');
    return {
      accessToken,
      state: {
        cookies,
        origins: [
          {
            origin: new URL(appURL).origin,
            localStorage: [
              { name: ACCESS_TOKEN_KEY, value: accessToken },
              {
                name: SESSION_META_KEY,
                value: JSON.stringify({ clockOffsetMs, signedInAt: receivedAt }),
              },
            ],
          },
        ],
      },
    };
  } finally {
    await request.dispose();
  }
}
