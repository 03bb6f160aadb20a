import { ALICE, expect, test } from './fixtures';
import { AppHeader } from './pages/app-header';
import { LoginPage } from './pages/login-page';
import { NotesPage } from './pages/notes-page';
import { answerTokenExpired } from './support/api-routes';
import { bearer } from './support/network';
import { watchTokenChange } from './support/storage';

// CONTRACT §7: sign-in, sign-out and refresh in one tab show in every other tab of the origin
// within a second, without a reload. Both tabs share the context's localStorage and cookies.
const WITHIN_A_SECOND = { timeout: 1_000 };

test.describe('two tabs', () => {
  test('signing in in one tab signs in the other tab within a second', async ({
    page,
    secondTab,
    loginPage,
    header,
  }) => {
    const other = new LoginPage(secondTab);
    await other.goto('/notes');
    await other.expectShown();

    await loginPage.goto();
    await loginPage.signIn(ALICE);
    await expect(header.userName(ALICE)).toBeVisible();

    await expect(new AppHeader(secondTab).userName(ALICE)).toBeVisible(WITHIN_A_SECOND);
    await expect(secondTab).toHaveURL('/notes', WITHIN_A_SECOND);
    await expect(page).toHaveURL('/');
  });

  test('signing out in one tab signs out the other tab within a second', async ({
    signedInUser,
    secondTab,
    header,
  }) => {
    const otherHeader = new AppHeader(secondTab);
    await new NotesPage(secondTab).goto();
    await expect(otherHeader.userName(signedInUser)).toBeVisible();

    await header.signOut();
    await expect(header.signOutButton).toBeHidden();

    await expect(otherHeader.signOutButton).toBeHidden(WITHIN_A_SECOND);
    await expect(secondTab).toHaveURL(/\/login/, WITHIN_A_SECOND);
  });

  test('a refresh in one tab gives the other tab the new token, with no second refresh', async ({
    page,
    signedInUser,
    secondTab,
    notesPage,
    network,
  }) => {
    const otherNotes = new NotesPage(secondTab);
    await otherNotes.goto();
    await expect(new AppHeader(secondTab).userName(signedInUser)).toBeVisible();
    await notesPage.goto();
    const first = network.latestToken();
    // The first tab's next list request is refused, which makes that tab (only) refresh.
    let refused = false;
    await page.route(
      (url) => url.pathname === '/api/notes',
      async (route) => {
        if (refused) return route.fallback();
        refused = true;
        return answerTokenExpired(route);
      },
    );

    const tokenReachedOtherTab = await watchTokenChange(secondTab);
    await page.reload();
    await expect.poll(() => network.refreshes().length).toBe(1);
    await expect.poll(() => network.tokens.length, 'the refreshed token arrived').toBe(2);
    const renewed = network.latestToken();
    expect(renewed).not.toBe(first);

    // The other tab hears of it through a storage event, which crosses processes in its own time.
    await tokenReachedOtherTab();
    const searched = () =>
      network.to('/api/notes', 'GET').filter((r) => r.url.searchParams.get('q') === 'other tab');
    await otherNotes.search('other tab');
    await expect.poll(() => searched().length).toBe(1);
    expect(searched()[0]?.authorization).toBe(bearer(renewed));
    expect(network.refreshes()).toHaveLength(1);
  });
});
