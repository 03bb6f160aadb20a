import type { Page } from '@playwright/test';

// The keys the app keeps its session under (src/app/core/auth/token-storage.ts). Tests that put a
// broken value there play the part of a corrupted or tampered browser profile.
export const ACCESS_TOKEN_KEY = 'tokengate.accessToken';
/** JSON `{"clockOffsetMs", "signedInAt"}`: what cannot be read back from the token itself. */
export const SESSION_META_KEY = 'tokengate.session';

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

/**
 * Starts timing, inside `page`, how long the app takes to show the session another tab just
 * changed: from the storage event for the token to the moment the header has (`signed-in`) or no
 * longer has (`signed-out`) its Sign out button. Call the result to get the milliseconds. Measured
 * in the page's own clock, so neither Playwright's polling nor a busy machine's process switches
 * count; a page reload in between loses the watch, and the call then fails (tabs must not reload).
 */
export async function watchSessionShown(
  page: Page,
  shown: 'signed-in' | 'signed-out',
): Promise<() => Promise<number>> {
  await page.evaluate(
    ([key, wanted]) => {
      const signedIn = () =>
        [...(document.querySelector('header')?.querySelectorAll('button') ?? [])].some(
          (button) => button.textContent?.trim() === 'Sign out',
        );
      const slot = window as unknown as { sessionShown?: Promise<number> };
      slot.sessionShown = new Promise<number>((resolve) => {
        let changedAt: number | undefined;
        const check = () => {
          if (changedAt !== undefined && signedIn() === (wanted === 'signed-in')) {
            observer.disconnect();
            resolve(performance.now() - changedAt);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        window.addEventListener('storage', (event) => {
          if (event.key === key && changedAt === undefined) {
            changedAt = performance.now();
            check();
          }
        });
      });
    },
    [ACCESS_TOKEN_KEY, shown] as const,
  );
  return () =>
    page.evaluate(
      () => (window as unknown as { sessionShown?: Promise<number> }).sessionShown ?? -1,
    );
}
