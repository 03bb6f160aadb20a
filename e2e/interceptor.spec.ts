import { ALICE, expect, test } from './fixtures';
import { answerTokenExpired, gate } from './support/api-routes';
import { bearer } from './support/network';

const isNotes = (url: URL) => url.pathname === '/api/notes';

test.describe('the interceptor', () => {
  test('a 401 from the API is answered by one refresh and the request is replayed once', async ({
    page,
    api,
    startSignedIn,
    notesPage,
    network,
    uniqueTitle,
  }) => {
    const note = await api.createNote(ALICE, uniqueTitle('Replayed list'));
    // Installed before the first page load: the notes page's first list request is the one refused.
    let refused = 0;
    await page.route(isNotes, async (route) => {
      if (route.request().method() === 'GET' && refused++ === 0) return answerTokenExpired(route);
      return route.fallback();
    });

    const first = await startSignedIn(ALICE, `/notes?q=${encodeURIComponent(note.title)}`);

    await expect(notesPage.note(note.title)).toBeVisible();
    const lists = network.to('/api/notes', 'GET');
    expect(lists).toHaveLength(2);
    expect(lists[0]?.authorization).toBe(bearer(first));
    const renewed = network.latestToken();
    expect(renewed).not.toBe(first);
    expect(lists[1]?.authorization).toBe(bearer(renewed));
    expect(network.refreshes()).toHaveLength(1);
  });

  test('many requests refused at once share a single refresh and each is replayed once', async ({
    page,
    api,
    startSignedIn,
    notesPage,
    network,
    uniqueTitle,
  }) => {
    const existing = await api.createNote(ALICE, uniqueTitle('Searched while refreshing'));
    const added = uniqueTitle('Added while refreshing');
    const first = await startSignedIn(ALICE, '/notes');
    // The page's own first list request must be answered before the route below goes in, or the
    // route would refuse it too: from here on, only this test's add and search send requests.
    await notesPage.expectLoaded();

    // Every request still carrying the first token is refused, and the refresh is held back so
    // that the refused requests are all waiting for it at the same time.
    const refused: string[] = [];
    await page.route(isNotes, async (route) => {
      if (route.request().headers()['authorization'] !== bearer(first)) return route.fallback();
      refused.push(route.request().method());
      return answerTokenExpired(route);
    });
    const refresh = gate();
    await page.route('**/auth/refresh', async (route) => {
      await refresh.opened;
      await route.fallback();
    });

    await notesPage.add(added, 'written while the token was being renewed');
    await notesPage.search(existing.title);
    await expect.poll(() => [...refused].sort()).toEqual(['GET', 'POST']);
    refresh.open();

    await expect(notesPage.note(existing.title)).toBeVisible();
    await expect(notesPage.note(added)).toBeVisible();
    expect(network.refreshes()).toHaveLength(1);
    // The refused POST and its one replay; the server stored the note once.
    const posts = network.to('/api/notes', 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.authorization).toBe(bearer(network.latestToken()));
    expect(await api.findNotes(ALICE, added)).toHaveLength(1);
    expect(refused, 'nothing was refused after the refresh').toHaveLength(2);
  });

  test('the token is sent only to the API, on the app origin, never to other URLs', async ({
    page,
    baseURL,
    startSignedIn,
    notesPage,
    noteDetail,
    header,
    network,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Where the token goes');
    await startSignedIn(ALICE, '/notes');
    await notesPage.add(title, 'one request of each kind');
    await notesPage.open(title);
    await expect(noteDetail.saveButton).toBeVisible();
    await header.link('Profile').click();
    await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    await expect(page.getByText(ALICE.email)).toBeVisible();
    // The sign-out's revocation can leave after the page has reached /login: wait for it.
    const logout = page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/auth/logout',
    );
    await header.signOut();
    await logout;
    await expect(page).toHaveURL(/\/login/);

    const token = network.latestToken();
    const withToken = network.sent.filter((r) => r.authorization !== undefined);
    const origin = new URL(baseURL ?? '').origin;
    // The profile lists where the user is signed in: /auth/sessions needs the token too.
    expect(withToken.map((r) => r.url.pathname)).toEqual(
      expect.arrayContaining(['/api/notes', '/auth/me', '/auth/sessions']),
    );
    for (const request of withToken) {
      expect(request.url.origin).toBe(origin);
      expect(request.url.pathname).toMatch(/^\/api\/|^\/auth\/me$|^\/auth\/sessions(\/|$)/);
    }
    expect(withToken.every((r) => r.authorization === bearer(token))).toBe(true);
    // (The sign-in went through the API, outside the browser; login.spec covers the form's request.)
    const tokenEndpoints = network.to(/^\/auth\/(login|refresh|logout)$/);
    expect(tokenEndpoints.map((r) => r.url.pathname)).toContain('/auth/logout');
    expect(tokenEndpoints.filter((r) => r.authorization !== undefined)).toEqual([]);
    expect(network.sent.filter((r) => r.url.href.includes(token))).toEqual([]);
  });
});
