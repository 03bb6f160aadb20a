import type { Page } from '@playwright/test';
import { ALICE, expect, test } from './fixtures';
import { bearer, lifetimeOf } from './support/network';

const HOUR = 60 * 60 * 1000;

/**
 * Moves the page clock past the token's expiry with no document of the app open. A live page would
 * see its token expire the moment the clock jumps and refresh by itself, before (or while) the test
 * opens the page it means; the clock carries over to the next document.
 */
async function leaveTheAppThenExpire(page: Page, token: string): Promise<void> {
  await page.goto('about:blank');
  await page.clock.setSystemTime(Date.now() + lifetimeOf(token) + 60_000);
}

// The page's clock is fake (page.clock) and the API's is real, so moving the page clock forward is
// exactly what a token "getting old" looks like to the app, while the server still accepts it.
// The clock is installed before the first page load, at the real time, so the session the API
// sign-in stored (signed in at, clock offset) is as true for the page as for the test.
test.describe('token expiry, driven by the page clock', () => {
  test('the token is refreshed silently shortly before it expires, with nobody navigating', async ({
    page,
    startSignedIn,
    notesPage,
    header,
    network,
    uniqueTitle,
  }) => {
    await page.clock.install();
    const first = await startSignedIn(ALICE, '/notes');
    await notesPage.expectLoaded();

    // Still inside the token's life, past the point where a careful app renews it.
    await page.clock.fastForward(lifetimeOf(first) - 15_000);

    await expect.poll(() => network.refreshes().length).toBe(1);
    await expect.poll(() => network.tokens.length, 'the refreshed token arrived').toBe(2);
    await expect(page).toHaveURL('/notes');
    await expect(header.userName(ALICE)).toBeVisible();
    const renewed = network.latestToken();
    expect(renewed).not.toBe(first);

    const title = uniqueTitle('After silent refresh');
    await notesPage.add(title, 'sent with the renewed token');
    await expect(notesPage.note(title)).toBeVisible();
    expect(network.to('/api/notes', 'POST').at(-1)?.authorization).toBe(bearer(renewed));
    expect(network.refreshes()).toHaveLength(1);
  });

  test(
    'when the refresh is refused at expiry the app goes to the login page by itself',
    { tag: '@hooks' },
    async ({
      page,
      hooks,
      startSignedIn,
      notesPage,
      loginPage,
      header,
      reloginDialog,
      network,
    }) => {
      await page.clock.install();
      const token = await startSignedIn(ALICE, '/notes');
      await notesPage.expectLoaded();
      // The server ends this login (as a sign-out elsewhere would): the refresh is refused (401 invalid_grant).
      await hooks.endLoginOf(token);

      await page.clock.fastForward(lifetimeOf(token) + 1_000);

      await loginPage.expectRedirectedFrom('/notes');
      await expect(header.signOutButton).toBeHidden();
      await expect(reloginDialog.dialog).toBeHidden();
      expect(network.refreshes(), 'one refused refresh, no retry loop').toHaveLength(1);
    },
  );

  test('a refresh that gets no answer keeps the session and the page', async ({
    page,
    startSignedIn,
    notesPage,
    header,
  }) => {
    await page.clock.install();
    const token = await startSignedIn(ALICE, '/notes');
    await notesPage.expectLoaded();
    await page.route('**/auth/refresh', (route) => route.abort('connectionrefused'));
    const refreshFailed = page.waitForEvent('requestfailed', (request) =>
      request.url().endsWith('/auth/refresh'),
    );

    await page.clock.fastForward(lifetimeOf(token) - 15_000);

    await refreshFailed;
    await expect(page).toHaveURL('/notes');
    await expect(header.userName(ALICE)).toBeVisible();
    await expect(notesPage.title).toBeEditable();
  });

  test('opening a page with an expired token refreshes once and shows the page', async ({
    page,
    startSignedIn,
    header,
    network,
  }) => {
    await page.clock.install();
    const token = await startSignedIn(ALICE);
    await leaveTheAppThenExpire(page, token);

    await page.goto('/profile');

    await expect(page).toHaveURL('/profile');
    await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    await expect(header.userName(ALICE)).toBeVisible();
    expect(network.refreshes()).toHaveLength(1);
    expect(network.unauthorized, 'the expired token was never sent').toEqual([]);
  });

  test(
    'opening a page with an expired token and a refused refresh goes to login with returnUrl',
    { tag: '@hooks' },
    async ({ page, hooks, startSignedIn, loginPage, network }) => {
      await page.clock.install();
      const token = await startSignedIn(ALICE);
      await hooks.endLoginOf(token);
      await leaveTheAppThenExpire(page, token);

      await page.goto('/profile');

      await loginPage.expectRedirectedFrom('/profile');
      expect(network.refreshes()).toHaveLength(1);
    },
  );

  for (const [direction, offset] of [
    ['ahead', 3 * HOUR],
    ['behind', -3 * HOUR],
  ] as const) {
    test(`a client clock three hours ${direction} neither signs out early nor sends expired tokens`, async ({
      page,
      signIn,
      notesPage,
      header,
      network,
      uniqueTitle,
    }) => {
      // Signed in through the form: what is tested is the skew the app measures at sign-in.
      await page.clock.install({ time: Date.now() + offset });
      await signIn(ALICE, '/notes');
      const first = network.latestToken();

      // A minute of client time: an app trusting its own clock would already refresh (ahead) here.
      await page.clock.runFor(60_000);
      const early = uniqueTitle(`Clock ${direction}, early`);
      await notesPage.add(early, 'the first token is still good');
      await expect(notesPage.note(early)).toBeVisible();
      expect(network.refreshes(), 'no refresh while the token is young').toEqual([]);
      expect(network.to('/api/notes', 'POST').at(-1)?.authorization).toBe(bearer(first));

      // Just before the token's real expiry: an app trusting its own clock would not refresh (behind).
      await page.clock.fastForward(lifetimeOf(first) - 60_000 - 15_000);
      await expect.poll(() => network.refreshes().length).toBe(1);
      const late = uniqueTitle(`Clock ${direction}, late`);
      await notesPage.add(late, 'sent with the renewed token');
      await expect(notesPage.note(late)).toBeVisible();
      expect(network.to('/api/notes', 'POST').at(-1)?.authorization).toBe(
        bearer(network.latestToken()),
      );
      await expect(header.userName(ALICE)).toBeVisible();
      expect(network.unauthorized).toEqual([]);
    });
  }
});
