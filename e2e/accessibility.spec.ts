import { ADMIN, ALICE, expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/accessibility';

// Issue 5: zero axe violations on every page, each checked once it has finished loading.
test.describe('accessibility (axe)', () => {
  test('the login page, with its validation messages showing', async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.signInButton.click();
    await expect(loginPage.email).toHaveAccessibleDescription(/\S/);

    await expectNoAxeViolations(loginPage.page);
  });

  test('the dashboard', async ({ page, signedInUser }) => {
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      signedInUser.name.split(' ')[0] ?? '',
    );
    await expect(page.getByText('Time left')).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('the notes page, with a note listed', async ({
    page,
    api,
    startSignedIn,
    notesPage,
    uniqueTitle,
  }) => {
    const note = await api.createNote(ALICE, uniqueTitle('Accessible'));
    await startSignedIn(ALICE, `/notes?q=${encodeURIComponent(note.title)}`);
    await expect(notesPage.note(note.title)).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('a note page, with the delete confirmation open', async ({
    page,
    api,
    startSignedIn,
    noteDetail,
    uniqueTitle,
  }) => {
    const note = await api.createNote(ALICE, uniqueTitle('Accessible detail'));
    await startSignedIn(ALICE, `/notes/${note.id}`);
    await expect(noteDetail.title).toHaveValue(note.title);
    await noteDetail.deleteButton.click();
    await expect(noteDetail.confirmDeleteButton).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('the profile page, with where the user is signed in listed', async ({
    page,
    startSignedIn,
    otherDevice,
    profilePage,
  }) => {
    // A login elsewhere, so that the list has a Sign out button and the confirmation to check.
    await otherDevice(ALICE);
    await startSignedIn(ALICE, '/profile');
    await expect(page.getByText(ALICE.email)).toBeVisible();
    await profilePage.expectLoaded();
    await expectNoAxeViolations(page);

    await profilePage.everywhereElseButton.click();
    await expect(profilePage.confirmEverywhereElseButton).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the session page, with events in its timeline', async ({
    page,
    startSignedIn,
    sessionPage,
  }) => {
    await startSignedIn(ALICE, '/session');
    await expect(sessionPage.signedIn).toHaveText('Yes');
    await expect(sessionPage.events.first()).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('the admin users page', async ({ page, startSignedIn }) => {
    await startSignedIn(ADMIN, '/admin');
    await expect(page.getByRole('table')).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('the forbidden page', async ({ page, startSignedIn }) => {
    await startSignedIn(ALICE, '/admin');
    await expect(page).toHaveURL('/forbidden');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('the not-found page', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test(
    'the re-login dialog over the notes page',
    { tag: '@hooks' },
    async ({ page, hooks, startSignedIn, notesPage, reloginDialog, uniqueTitle }) => {
      const token = await startSignedIn(ALICE, '/notes');
      // Ended before its list was answered, the page's own list request would meet the end first.
      await notesPage.expectLoaded();
      await notesPage.type(uniqueTitle('Dialog'), 'body');
      // The server ends this test's login: the save is refused, and so is the refresh it calls for.
      await hooks.endLoginOf(token);
      await notesPage.addButton.click();
      await expect(reloginDialog.password).toBeFocused();

      await expectNoAxeViolations(page);
    },
  );
});
