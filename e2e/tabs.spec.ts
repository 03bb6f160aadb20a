import { ALICE, expect, test } from './fixtures';
import { AppHeader } from './pages/app-header';
import { LoginPage } from './pages/login-page';
import { NotesPage } from './pages/notes-page';
import { answerTokenExpired } from './support/api-routes';
import { bearer } from './support/network';
import { watchSessionShown, watchTokenChange } from './support/storage';

// CONTRACT §7: sign-in, sign-out and refresh in one tab show in every other tab of the origin
// within a second, without a reload. Both tabs share the context's localStorage and cookies.
// The second is the app's own reaction time, measured inside the other tab (watchSessionShown):
// how long the storage event takes to cross processes on a busy machine is not the app's doing.
const A_SECOND = 1_000;

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
    const shownInOtherTab = await watchSessionShown(secondTab, 'signed-in');

    await loginPage.goto();
    await loginPage.signIn(ALICE);
    await expect(header.userName(ALICE)).toBeVisible();

    expect(await shownInOtherTab()).toBeLessThan(A_SECOND);
    await expect(new AppHeader(secondTab).userName(ALICE)).toBeVisible();
    await expect(secondTab).toHaveURL('/notes');
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
    const shownInOtherTab = await watchSessionShown(secondTab, 'signed-out');

    await header.signOut();
    await expect(header.signOutButton).toBeHidden();

    expect(await shownInOtherTab()).toBeLessThan(A_SECOND);
    await expect(otherHeader.signOutButton).toBeHidden();
    await expect(secondTab).toHaveURL(/\/login/);
  });

  test('a refresh in one tab gives the other tab the new token, with no second refresh', async ({
    page,
    secondTab,
    startSignedIn,
    network,
    uniqueTitle,
  }) => {
    const otherNotes = new NotesPage(secondTab);
    const first = await startSignedIn(ALICE);
    await otherNotes.goto();
    const tokenReachedOtherTab = await watchTokenChange(secondTab);

    // The first tab opens a list no other request asks for (q=<a term of this test's own>). The
    // route refuses exactly that document's first list request, which makes that tab (only)
    // refresh; its replay, and every request before it (the second tab's list, anything the first
    // tab's dashboard had in flight), pass untouched.
    const term = uniqueTitle('refused once');
    const isTheNewList = (url: URL) =>
      url.pathname === '/api/notes' && url.searchParams.get('q') === term;
    let refused = false;
    await page.route(isTheNewList, async (route) => {
      if (refused || route.request().method() !== 'GET') return route.fallback();
      refused = true;
      return answerTokenExpired(route);
    });
    // Waits for the replay of that refused request to be answered: the refresh is done by then.
    const replayed = page.waitForResponse(
      (response) => isTheNewList(new URL(response.url())) && response.status() === 200,
    );
    await page.goto(`/notes?q=${encodeURIComponent(term)}`);
    const replay = await replayed;

    expect(refused).toBe(true);
    expect(network.refreshes()).toHaveLength(1);
    const renewed = network.latestToken();
    expect(renewed).not.toBe(first);
    expect(await replay.request().headerValue('authorization')).toBe(bearer(renewed));

    // The other tab hears of it through a storage event, which crosses processes in its own time.
    await tokenReachedOtherTab();
    const otherSearch = secondTab.waitForRequest(
      (request) => new URL(request.url()).searchParams.get('q') === 'other tab',
    );
    await otherNotes.search('other tab');
    expect(await (await otherSearch).headerValue('authorization')).toBe(bearer(renewed));
    await otherNotes.expectLoaded();
    expect(network.refreshes()).toHaveLength(1);
  });
});
