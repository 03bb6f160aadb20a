import { ALICE, expect, test } from './fixtures';

// CONTRACT §7: every page but /login, /forbidden and not-found is guarded; the guard sends a visitor
// without a session to /login?returnUrl=<the path asked for>, and signing in goes back there.
test.describe('guard and returnUrl', () => {
  for (const path of ['/notes', '/profile', '/']) {
    test(`signed out, ${path} redirects to the login page with returnUrl and back after signing in`, async ({
      page,
      loginPage,
      header,
    }) => {
      await page.goto(path);
      await loginPage.expectRedirectedFrom(path);

      await loginPage.signIn(ALICE);

      await expect(header.userName(ALICE)).toBeVisible();
      await expect(page).toHaveURL((url) => url.pathname + url.search === path);
    });
  }

  test('signed out, a deep link to one note comes back to that note after signing in', async ({
    page,
    api,
    loginPage,
    noteDetail,
    uniqueTitle,
  }) => {
    const note = await api.createNote(ALICE, uniqueTitle('Deep link'));

    await page.goto(`/notes/${note.id}`);
    await loginPage.expectRedirectedFrom(`/notes/${note.id}`);
    await loginPage.signIn(ALICE);

    await expect(page).toHaveURL(`/notes/${note.id}`);
    await expect(noteDetail.title).toHaveValue(note.title);
  });

  test('a signed-in user opening /login goes to the returnUrl', async ({
    page,
    signedInUser,
    loginPage,
    notesPage,
    header,
  }) => {
    await loginPage.goto('/notes');

    await expect(page).toHaveURL('/notes');
    await expect(notesPage.addButton).toBeVisible();
    await expect(header.userName(signedInUser)).toBeVisible();
  });

  test('a signed-in user opening /login without returnUrl goes to the dashboard', async ({
    page,
    signedInUser,
    loginPage,
    header,
  }) => {
    await loginPage.goto();

    await expect(page).toHaveURL('/');
    await expect(loginPage.signInButton).toBeHidden();
    await expect(header.userName(signedInUser)).toBeVisible();
  });
});

// Each form below leaves the app (or runs script) if followed; CONTRACT §7 says all go to `/`.
const OPEN_REDIRECTS = [
  '//evil.example',
  'https://evil.example',
  'javascript:alert(1)',
  '/\\evil.example',
];

test.describe('open redirects are refused', () => {
  for (const returnUrl of OPEN_REDIRECTS) {
    test(`returnUrl ${returnUrl} lands on the dashboard after signing in`, async ({
      page,
      baseURL,
      loginPage,
      header,
      network,
    }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

      await loginPage.goto(returnUrl);
      await loginPage.signIn(ALICE);

      await expect(header.userName(ALICE)).toBeVisible();
      await expect(page).toHaveURL(`${baseURL}/`);
      expect(dialogs, 'no script ran from returnUrl').toEqual([]);
      expect(network.sent.filter((r) => r.url.hostname === 'evil.example')).toEqual([]);
    });
  }

  test('a signed-in user opening /login with any of those returnUrls stays in the app', async ({
    page,
    baseURL,
    signedInUser,
    loginPage,
    header,
  }) => {
    for (const returnUrl of OPEN_REDIRECTS) {
      await loginPage.goto(returnUrl);
      await expect(page, `returnUrl ${returnUrl}`).toHaveURL(`${baseURL}/`);
      await expect(header.userName(signedInUser)).toBeVisible();
    }
  });
});
