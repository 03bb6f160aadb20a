import { test as base, expect, type Page } from '@playwright/test';
import { AppHeader } from './pages/app-header';
import { LoginPage } from './pages/login-page';
import { NoteDetailPage } from './pages/note-detail-page';
import { NotesPage } from './pages/notes-page';
import { ReloginDialog } from './pages/relogin-dialog';
import { ApiClient } from './support/api-client';
import { AppErrors } from './support/app-errors';
import { ADMIN, ALICE, type DemoUser } from './support/demo-users';
import { NetworkLog } from './support/network';

export { expect };
export { ADMIN, ALICE, BOB, type DemoUser } from './support/demo-users';

interface Fixtures {
  loginPage: LoginPage;
  header: AppHeader;
  notesPage: NotesPage;
  noteDetail: NoteDetailPage;
  reloginDialog: ReloginDialog;
  /** Every request of the test's browser context and every token the API issued to it. */
  network: NetworkLog;
  /** Uncaught exceptions and console errors of the app, in any tab. */
  appErrors: AppErrors;
  /** The mock API, outside the browser: for a test's own data and for checking what was stored. */
  api: ApiClient;
  /** Signs `page` in through the login form and waits for the header to greet the user. */
  signIn: (user: DemoUser, returnUrl?: string) => Promise<void>;
  /** `page`, signed in as Alice (role user). */
  signedInUser: DemoUser;
  /** `page`, signed in as Ada Admin (roles user, admin). */
  signedInAdmin: DemoUser;
  /** Another tab of the same browser context: same origin, same storage, same cookies. */
  secondTab: Page;
  /** A title no other test (or run) uses, so each test owns its notes. */
  uniqueTitle: (label: string) => string;
}

export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  header: async ({ page }, use) => use(new AppHeader(page)),
  notesPage: async ({ page }, use) => use(new NotesPage(page)),
  noteDetail: async ({ page }, use) => use(new NoteDetailPage(page)),
  reloginDialog: async ({ page }, use) => use(new ReloginDialog(page)),
  network: async ({ context }, use) => use(await NetworkLog.attach(context)),
  appErrors: async ({ context }, use) => use(new AppErrors(context)),
  api: async ({ request, playwright, baseURL }, use) =>
    use(new ApiClient(request, playwright.request, baseURL ?? '')),

  signIn: async ({ loginPage, header, network }, use) => {
    // Depends on `network` so that the login's token is recorded whenever a test asks for both.
    void network;
    await use(async (user, returnUrl) => {
      await loginPage.goto(returnUrl);
      await loginPage.signIn(user);
      await expect(header.userName(user)).toBeVisible();
    });
  },
  signedInUser: async ({ signIn }, use) => {
    await signIn(ALICE);
    await use(ALICE);
  },
  signedInAdmin: async ({ signIn }, use) => {
    await signIn(ADMIN);
    await use(ADMIN);
  },
  secondTab: async ({ context }, use) => {
    const tab = await context.newPage();
    await use(tab);
    await tab.close();
  },
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  uniqueTitle: async ({}, use, testInfo) => {
    let count = 0;
    const stamp = `${testInfo.testId.slice(0, 6)}${Date.now().toString(36)}`;
    await use((label) => `${label} ${stamp}-${++count}`);
  },
});
