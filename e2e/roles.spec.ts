import type { Page } from '@playwright/test';
import { ADMIN, ALICE, BOB, expect, test } from './fixtures';
import { AppHeader } from './pages/app-header';

/** Records the URLs of every script the page downloads from now on. */
function scriptsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

test.describe('roles', () => {
  test('an admin sees the users list with names, emails and roles, their own row marked', async ({
    page,
    signedInAdmin,
    header,
  }) => {
    await header.link('Users').click();

    await expect(page).toHaveURL('/admin');
    const table = page.getByRole('table');
    for (const user of [ALICE, BOB, signedInAdmin]) {
      const row = table.getByRole('row').filter({ hasText: user.email });
      const you = user.email === signedInAdmin.email ? ' (you)' : '';
      await expect(row.getByRole('cell').nth(0)).toHaveText(`${user.name}${you}`);
      await expect(row.getByRole('cell').nth(2)).toHaveText(user.roles.join(', '));
    }
  });

  test('a user without the admin role is sent to /forbidden, with words and a way back', async ({
    page,
    signedInUser,
    header,
  }) => {
    await expect(header.link('Users')).toHaveCount(0);

    await page.goto('/admin');

    await expect(page).toHaveURL('/forbidden');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/don't have access/i);
    await page.getByRole('link', { name: 'Go to your dashboard' }).click();
    await expect(page).toHaveURL('/');
    await expect(header.userName(signedInUser)).toBeVisible();
  });

  test('a user without the admin role never downloads the admin chunk', async ({
    page,
    startSignedIn,
    otherDevice,
    header,
  }) => {
    // Alice first, in her own context with an empty cache: every script she ever loads is recorded.
    const aliceScripts = scriptsOf(page);
    await startSignedIn(ALICE);
    await header.link('Notes').click();
    await header.link('Profile').click();
    await expect(page.getByText(ALICE.email)).toBeVisible();
    await page.goto('/admin');
    await expect(page).toHaveURL('/forbidden');

    // The admin chunk: what an admin's tab downloads on its first visit to /admin, after every
    // other page has been loaded in that same tab.
    const adminPage = await otherDevice(ADMIN);
    const adminHeader = new AppHeader(adminPage);
    await adminHeader.link('Notes').click();
    await adminHeader.link('Profile').click();
    await expect(adminPage.getByText(ADMIN.email)).toBeVisible();
    const adminOnly = scriptsOf(adminPage);
    await adminHeader.link('Users').click();
    await expect(adminPage.getByRole('table')).toBeVisible();

    expect(adminOnly.length, 'the admin page comes in a chunk of its own').toBeGreaterThan(0);
    expect(aliceScripts.filter((url) => adminOnly.includes(url))).toEqual([]);
  });

  test('an unknown address shows the not-found page with a way back, signed in or not', async ({
    page,
    startSignedIn,
  }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

    await startSignedIn(BOB, '/notes-typo/42');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to your dashboard' }).click();
    await expect(page).toHaveURL('/');
  });

  test("another user's note is not shown: it reads as not available", async ({
    page,
    api,
    startSignedIn,
    noteDetail,
    uniqueTitle,
  }) => {
    const alicesNote = await api.createNote(ALICE, uniqueTitle("Alice's private note"));

    await startSignedIn(BOB, `/notes/${alicesNote.id}`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Note not available');
    await expect(page.getByText(alicesNote.title)).toHaveCount(0);
    await expect(noteDetail.saveButton).toHaveCount(0);
  });
});
