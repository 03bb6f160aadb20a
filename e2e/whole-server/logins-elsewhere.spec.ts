import { BOB, expect, test } from '../fixtures';
import { NotesPage } from '../pages/notes-page';
import { ProfilePage } from '../pages/profile-page';
import { ReloginDialog } from '../pages/relogin-dialog';
import { lifetimeOf } from '../support/network';

// "Where you're signed in" on /profile ends logins of the user on other devices (CONTRACT §4, §7).
// Each test first ends every login of Bob, so that the list holds its own logins only: that is
// why these run in the project "whole-server", one at a time on an API of their own. The file
// sorts before server-levers.spec.ts, whose last test moves the server clock.

test.describe('logins ended from another device', { tag: '@hooks' }, () => {
  test.beforeEach(async ({ hooks }) => {
    await hooks.endLoginsOf(BOB.email);
  });

  test('the next note save opens the re-login dialog, and after signing in the note is saved once', async ({
    api,
    startSignedIn,
    otherDevice,
    notesPage,
    reloginDialog,
    network,
    uniqueTitle,
  }) => {
    const title = uniqueTitle('Saved after another device ended this login');
    await startSignedIn(BOB, '/notes');
    await notesPage.expectLoaded();
    await notesPage.type(title, 'typed before the login was ended elsewhere');

    const desk = new ProfilePage(await otherDevice(BOB, '/profile'));
    await desk.expectLoaded();
    await expect(desk.rows).toHaveCount(2);
    await desk.signOut(desk.otherLogins);
    await expect(desk.notice).toHaveText(/^Signed out /);
    await expect(desk.rows).toHaveCount(1);
    await expect(desk.thisDevice).toHaveCount(1);

    await notesPage.addButton.click();

    await expect(reloginDialog.dialog).toBeVisible();
    await expect(notesPage.title).toHaveValue(title);
    await reloginDialog.signIn(BOB);
    await expect(reloginDialog.dialog).toBeHidden();
    await expect(notesPage.note(title)).toHaveCount(1);
    expect(network.to('/api/notes', 'POST'), 'the refused POST and one replay').toHaveLength(2);
    expect(await api.findNotes(BOB, title)).toHaveLength(1);
  });

  test('with no request to make, the page goes to the login page when its refresh is refused', async ({
    page,
    startSignedIn,
    otherDevice,
    notesPage,
    loginPage,
    reloginDialog,
  }) => {
    await page.clock.install();
    const token = await startSignedIn(BOB, '/notes');
    await notesPage.expectLoaded();

    const desk = new ProfilePage(await otherDevice(BOB, '/profile'));
    await desk.expectLoaded();
    await desk.signOut(desk.otherLogins);
    await expect(desk.rows).toHaveCount(1);

    await page.clock.fastForward(lifetimeOf(token) - 15_000);

    await loginPage.expectRedirectedFrom('/notes');
    await expect(reloginDialog.dialog).toBeHidden();
  });

  test('Sign out everywhere else, once confirmed, ends every other login and keeps this one', async ({
    page,
    startSignedIn,
    otherDevice,
    profilePage,
    reloginDialog,
    header,
  }) => {
    const laptop = await otherDevice(BOB, '/notes');
    const phone = await otherDevice(BOB, '/notes');
    await startSignedIn(BOB, '/profile');
    await profilePage.expectLoaded();
    await expect(profilePage.rows).toHaveCount(3);

    await profilePage.everywhereElseButton.click();
    await expect(profilePage.confirmEverywhereElseButton).toBeVisible();
    await expect(profilePage.rows).toHaveCount(3);
    await profilePage.confirmEverywhereElseButton.click();

    await expect(profilePage.notice).toHaveText('Signed out everywhere else.');
    await expect(profilePage.rows).toHaveCount(1);
    await expect(profilePage.thisDevice).toHaveCount(1);
    await expect(profilePage.everywhereElseButton).toBeHidden();
    for (const device of [laptop, phone]) {
      await new NotesPage(device).search('anything');
      await expect(new ReloginDialog(device).dialog).toBeVisible();
    }
    await page.reload();
    await profilePage.expectLoaded();
    await expect(header.userName(BOB)).toBeVisible();
    await expect(reloginDialog.dialog).toBeHidden();
  });
});
