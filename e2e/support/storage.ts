import type { Page } from '@playwright/test';

// The key the app keeps its access token under (src/app/core/auth/token-storage.ts). Tests that put a
// broken value there play the part of a corrupted or tampered browser profile.
export const ACCESS_TOKEN_KEY = 'tokengate.accessToken';

export async function storedToken(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), ACCESS_TOKEN_KEY);
}

export async function storeToken(page: Page, value: string): Promise<void> {
  await page.evaluate(
    ([key, token]) => localStorage.setItem(key, token),
    [ACCESS_TOKEN_KEY, value],
  );
}

/** Whether any storage entry of the page's origin still holds `token` (whatever the key). */
export async function storageHolds(page: Page, token: string): Promise<boolean> {
  return page.evaluate(
    (needle) =>
      [localStorage, sessionStorage].some((area) =>
        Object.keys(area).some((key) => area.getItem(key)?.includes(needle)),
      ),
    token,
  );
}
