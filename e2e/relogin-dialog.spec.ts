import { ALICE, expect, test } from './fixtures';

// The session ends on the server while the user is typing (an admin, a "sign out everywhere" on
// another device): hooks.endLoginOf() ends this test's login only, so the note's POST is refused
// (401 invalid_token) and so is the refresh it calls for (401 invalid_grant). Each test ends it
// only once the notes list has been answered: otherwise the page's own list request could meet the
// end first and open the dialog before the save.

test.describe('the re-login dialog', { tag: '@hooks' }, () => {
  test('keeps a half-typed note, and after signing in again saves it exactly once', async ({
    page,
    hooks,
    api,
    startSignedIn,
    notesPage,
    reloginDialog,
    header,
    network,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Half-typed');
    const token = await startSignedIn(ALICE, '/notes');
    await notesPage.expectLoaded();
    await notesPage.type(title, 'typed before the session ended');
    await hooks.endLoginOf(token);

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
    hooks,
    startSignedIn,
    notesPage,
    reloginDialog,
    header,
    uniqueTitle,
  }) => {
    const token = await startSignedIn(ALICE, '/notes');
    await notesPage.expectLoaded();
    await notesPage.type(uniqueTitle('Signed-in flag'), 'body');
    await hooks.endLoginOf(token);

    await notesPage.addButton.click();

    await expect(reloginDialog.dialog).toBeVisible();
    await expect(header.signOutButton).toBeHidden();
    await expect(header.userName(ALICE)).toBeHidden();
  });

  test('cancelling signs out and goes to the login page with returnUrl; nothing is saved', async ({
    hooks,
    api,
    startSignedIn,
    notesPage,
    loginPage,
    reloginDialog,
    header,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Cancelled');
    const token = await startSignedIn(ALICE, '/notes');
    await notesPage.expectLoaded();
    await notesPage.type(title, 'never saved');
    await hooks.endLoginOf(token);
    await notesPage.addButton.click();
    await expect(reloginDialog.dialog).toBeVisible();

    await reloginDialog.cancelButton.click();

    await loginPage.expectRedirectedFrom('/notes');
    await expect(reloginDialog.dialog).toBeHidden();
    await expect(header.signOutButton).toBeHidden();
    expect(await api.findNotes(ALICE, title)).toEqual([]);
  });
});
