import type { Page } from '@playwright/test';
import { ALICE, BOB, expect, test } from './fixtures';
import { AppHeader } from './pages/app-header';
import { InactivityWarning } from './pages/inactivity-warning';
import { NotesPage } from './pages/notes-page';
import { expectNoAxeViolations } from './support/accessibility';

// The demo app's idle time and warning (app.config.ts).
const IDLE_MS = 30 * 60_000;
const WARNING_MS = 60_000;
/**
 * The page clock keeps running at real speed between steps, so each jump stops this far short of
 * a deadline: the steps of a busy machine cannot carry the app past it.
 */
const SLACK_MS = 20_000;
const INACTIVE_WORDS = 'You were signed out after 30 minutes without activity.';

/**
 * Idle time passes with nobody at the keyboard, in one jump per deadline as after a laptop lid
 * was closed: the app refreshes its token on the way (the suite's tokens live a few minutes).
 */
async function idleUntilWarning(page: Page): Promise<void> {
  await page.clock.fastForward(IDLE_MS - WARNING_MS - SLACK_MS);
}

test.describe('inactivity timeout', () => {
  test.beforeEach(async ({ page }) => {
    // One clock for the whole context: both tabs see the same time.
    await page.clock.install();
  });

  test('the warning opens a minute before the idle time ends; Stay signed in in the other tab closes it in both', async ({
    page,
    signIn,
    secondTab,
    header,
  }) => {
    await signIn(ALICE, '/notes');
    const other = new NotesPage(secondTab);
    await other.goto();
    const warning = new InactivityWarning(page);
    const otherWarning = new InactivityWarning(secondTab);

    await idleUntilWarning(page);
    await expect(warning.dialog).toBeHidden();
    await page.clock.fastForward(SLACK_MS);

    await expect(warning.dialog).toBeVisible();
    await expect(warning.stayButton).toBeFocused();
    await expect(warning.dialog).toContainText(/signed out in (1 minute|\d+ seconds)/);
    await expect(otherWarning.dialog).toBeVisible();

    await otherWarning.stayButton.click();

    await expect(otherWarning.dialog).toBeHidden();
    await expect(warning.dialog).toBeHidden();
    await expect(header.userName(ALICE)).toBeVisible();
    // The idle time starts afresh: where the session would have ended, it goes on.
    await page.clock.fastForward(WARNING_MS + SLACK_MS);
    await expect(page).toHaveURL('/notes');
    await expect(header.userName(ALICE)).toBeVisible();
  });

  test('with no answer both tabs land on the login page saying why; the same user gets the half-typed note back', async ({
    page,
    signIn,
    secondTab,
    loginPage,
    notesPage,
    network,
    uniqueTitle,
  }) => {
    await signIn(ALICE, '/notes');
    const other = new NotesPage(secondTab);
    await other.goto();
    const title = uniqueTitle('Half-typed');
    await notesPage.type(title, 'not added yet');

    await idleUntilWarning(page);
    await page.clock.fastForward(SLACK_MS);
    await expect(new InactivityWarning(page).dialog).toBeVisible();
    await page.clock.fastForward(WARNING_MS);

    for (const tab of [page, secondTab]) {
      await expect(tab).toHaveURL(
        (url) =>
          url.pathname === '/login' &&
          url.searchParams.get('returnUrl') === '/notes' &&
          url.searchParams.get('reason') === 'inactive',
      );
      await expect(tab.getByText(INACTIVE_WORDS)).toBeVisible();
      await expect(new AppHeader(tab).signOutButton).toBeHidden();
    }
    await expect.poll(() => network.to('/auth/logout', 'POST').length).toBeGreaterThan(0);

    await loginPage.signIn(ALICE);

    await expect(page).toHaveURL('/notes');
    await expect(notesPage.title).toHaveValue(title);
    await expect(notesPage.body).toHaveValue('not added yet');
  });

  test('unsaved changes to a note being edited are back after the same user signs in again', async ({
    page,
    signIn,
    loginPage,
    notesPage,
    noteDetail,
    uniqueTitle,
  }) => {
    await signIn(ALICE, '/notes');
    const title = uniqueTitle('Being edited');
    await notesPage.add(title, 'saved body');
    await notesPage.open(title);
    const path = new URL(page.url()).pathname;
    await expect(noteDetail.body).toHaveValue('saved body');
    await noteDetail.body.fill('saved body, and more not saved yet');

    await page.clock.fastForward(IDLE_MS);
    await expect(page.getByText(INACTIVE_WORDS)).toBeVisible();
    await loginPage.signIn(ALICE);

    await expect(page).toHaveURL(path);
    await expect(noteDetail.body).toHaveValue('saved body, and more not saved yet');
    await expect(noteDetail.title).toHaveValue(title);
  });

  test('another user signing in on that browser does not get the half-typed note', async ({
    page,
    signIn,
    loginPage,
    notesPage,
    uniqueTitle,
  }) => {
    await signIn(ALICE, '/notes');
    await notesPage.type(uniqueTitle('Not for Bob'), 'private');

    await page.clock.fastForward(IDLE_MS);
    await expect(page.getByText(INACTIVE_WORDS)).toBeVisible();

    await loginPage.signIn(BOB);

    await expect(page).toHaveURL('/notes');
    await expect(new AppHeader(page).userName(BOB)).toBeVisible();
    await expect(notesPage.title).toHaveValue('');
  });

  test('a deliberate sign-out drops the half-typed note', async ({
    page,
    signIn,
    header,
    loginPage,
    notesPage,
    uniqueTitle,
  }) => {
    await signIn(ALICE, '/notes');
    await notesPage.type(uniqueTitle('Dropped'), 'on purpose');
    await header.signOut();
    await expect(page).toHaveURL(/\/login/);
    await expect(loginPage.signInButton).toBeVisible();
    await expect(page.getByText(INACTIVE_WORDS)).toBeHidden();

    await loginPage.signIn(ALICE);
    await expect(header.userName(ALICE)).toBeVisible();
    await notesPage.goto();

    await expect(notesPage.title).toHaveValue('');
  });

  test('axe: no violations with the warning open', async ({ page, signIn }) => {
    await signIn(ALICE, '/notes');

    await page.clock.fastForward(IDLE_MS - WARNING_MS);
    const warning = new InactivityWarning(page);
    await expect(warning.stayButton).toBeFocused();

    await expectNoAxeViolations(page);
  });
});
