import type { BrowserContext, Page } from '@playwright/test';
import { ALICE, expect, test } from './fixtures';
import { answerTokenExpired } from './support/api-routes';

/**
 * Ends the session for real on the server's side of the app: the next note POST is refused as
 * expired, and the refresh that follows finds no cookie, so the server refuses it (invalid_grant).
 */
async function endSessionAtNextSave(page: Page, context: BrowserContext): Promise<void> {
  await context.clearCookies();
  let refused = false;
  await page.route(
    (url) => url.pathname === '/api/notes',
    async (route) => {
      if (route.request().method() !== 'POST' || refused) return route.fallback();
      refused = true;
      return answerTokenExpired(route);
    },
  );
}

test.describe('the re-login dialog', () => {
  test('keeps a half-typed note, and after signing in again saves it exactly once', async ({
    page,
    context,
    api,
    signIn,
    notesPage,
    reloginDialog,
    header,
    network,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Half-typed');
    await signIn(ALICE, '/notes');
    await notesPage.type(title, 'typed before the session ended');
    await endSessionAtNextSave(page, context);

    await notesPage.addButton.click();

    await expect(reloginDialog.dialog).toBeVisible();
    await expect(page).toHaveURL('/notes');
    await expect(notesPage.title).toHaveValue(title);
    await expect(notesPage.body).toHaveValue('typed before the session ended');
    await reloginDialog.signIn(ALICE);

    await expect(reloginDialog.dialog).toBeHidden();
    await expect(notesPage.note(title)).toHaveCount(1);
    await expect(page).toHaveURL('/notes');
    await expect(header.userName(ALICE)).toBeVisible();
    expect(network.to('/api/notes', 'POST'), 'the refused POST and one replay').toHaveLength(2);
    expect(await api.findNotes(ALICE, title)).toHaveLength(1);
  });

  test('the header shows the session ended at once, while the dialog is open', async ({
    page,
    context,
    signIn,
    notesPage,
    reloginDialog,
    header,
    uniqueTitle,
  }) => {
    await signIn(ALICE, '/notes');
    await notesPage.type(uniqueTitle('Signed-in flag'), 'body');
    await endSessionAtNextSave(page, context);

    await notesPage.addButton.click();

    await expect(reloginDialog.dialog).toBeVisible();
    await expect(header.signOutButton).toBeHidden();
    await expect(header.userName(ALICE)).toBeHidden();
  });

  test('cancelling signs out and goes to the login page with returnUrl; nothing is saved', async ({
    page,
    context,
    api,
    signIn,
    notesPage,
    loginPage,
    reloginDialog,
    header,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Cancelled');
    await signIn(ALICE, '/notes');
    await notesPage.type(title, 'never saved');
    await endSessionAtNextSave(page, context);
    await notesPage.addButton.click();
    await expect(reloginDialog.dialog).toBeVisible();

    await reloginDialog.cancelButton.click();

    await loginPage.expectRedirectedFrom('/notes');
    await expect(reloginDialog.dialog).toBeHidden();
    await expect(header.signOutButton).toBeHidden();
    expect(await api.findNotes(ALICE, title)).toEqual([]);
  });
});
