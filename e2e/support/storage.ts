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

/**
 * Starts watching `page` for a token another tab stores; call the result to wait for it. By then the
 * app has seen the change too: a storage event reaches every listener in one go.
 */
export async function watchTokenChange(page: Page): Promise<() => Promise<void>> {
  await page.evaluate((key) => {
    const slot = window as unknown as { tokenChange?: Promise<void> };
    slot.tokenChange = new Promise<void>((resolve) =>
      window.addEventListener('storage', (event) => {
        if (event.key === key) resolve();
      }),
    );
  }, ACCESS_TOKEN_KEY);
  return () =>
    page.evaluate(() => (window as unknown as { tokenChange?: Promise<void> }).tokenChange);
}
