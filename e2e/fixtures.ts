import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { AppHeader } from './pages/app-header';
import { LoginPage } from './pages/login-page';
import { NoteDetailPage } from './pages/note-detail-page';
import { NotesPage } from './pages/notes-page';
import { ProfilePage } from './pages/profile-page';
import { ReloginDialog } from './pages/relogin-dialog';
import { SessionPage } from './pages/session-page';
import { ApiClient } from './support/api-client';
import { ApiHooks } from './support/api-hooks';
import { signInThroughApi } from './support/api-session';
import { AppErrors } from './support/app-errors';
import { ADMIN, ALICE, type DemoUser } from './support/demo-users';
import { NetworkLog } from './support/network';

export { expect };
export { ADMIN, ALICE, BOB, type DemoUser } from './support/demo-users';

/** Set in playwright.config.ts `use`. */
export interface TestOptions {
  /** The suite's mock API, straight (not through the app): where the test hooks are. */
  apiURL: string;
}

interface Fixtures {
  loginPage: LoginPage;
  header: AppHeader;
  notesPage: NotesPage;
  noteDetail: NoteDetailPage;
  reloginDialog: ReloginDialog;
  profilePage: ProfilePage;
  sessionPage: SessionPage;
  /** Every request of the test's browser context and every token the API issued to it. */
  network: NetworkLog;
  /** Uncaught exceptions and console errors of the app, in any tab. */
  appErrors: AppErrors;
  /** The mock API, outside the browser: for a test's own data and for checking what was stored. */
  api: ApiClient;
  /** The mock API's test hooks: end a login, expire tokens, move the server clock (support/api-hooks.ts). */
  hooks: ApiHooks;
  /**
   * Signs `user` in through the API (no form), puts the session where the app keeps it (refresh
   * cookie, token and session meta in localStorage), opens `path` (default `/`) in `page` and waits
   * for the header to greet the user. Resolves to the access token, which `network` records too.
   * Install `page.clock` and routes before calling it, like before any first navigation.
   */
  startSignedIn: (user: DemoUser, path?: string) => Promise<string>;
  /**
   * Signs `page` in through the login form and waits for the header to greet the user. For tests
   * about the form, or about what a sign-in itself measures (the clock skew).
   */
  signIn: (user: DemoUser, returnUrl?: string) => Promise<void>;
  /** `page` on the dashboard, signed in (through the API) as Alice (role user). */
  signedInUser: DemoUser;
  /** `page` on the dashboard, signed in (through the API) as Ada Admin (roles user, admin). */
  signedInAdmin: DemoUser;
  /** Another tab of the same browser context: same origin, same storage, same cookies. */
  secondTab: Page;
  /**
   * A page in a browser context of its own (another device: its own storage, cookies and cache),
   * signed in through the API as `user` and open on `path` (default `/`). Closed after the test.
   */
  otherDevice: (user: DemoUser, path?: string) => Promise<Page>;
  /** A title no other test (or run) uses, so each test owns its notes. */
  uniqueTitle: (label: string) => string;
}

export const test = base.extend<TestOptions & Fixtures>({
  apiURL: ['', { option: true }],
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  header: async ({ page }, use) => use(new AppHeader(page)),
  notesPage: async ({ page }, use) => use(new NotesPage(page)),
  noteDetail: async ({ page }, use) => use(new NoteDetailPage(page)),
  reloginDialog: async ({ page }, use) => use(new ReloginDialog(page)),
  profilePage: async ({ page }, use) => use(new ProfilePage(page)),
  sessionPage: async ({ page }, use) => use(new SessionPage(page)),
  network: async ({ context }, use) => {
    await use(await NetworkLog.attach(context));
    // A token request still in flight when the test ends (a refresh the page clock set off) is
    // the page's business, not the test's: its recording must not fail the test while the
    // context closes under it.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
  },
  appErrors: async ({ context }, use) => use(new AppErrors(context)),
  api: async ({ request, playwright, baseURL }, use) =>
    use(new ApiClient(request, playwright.request, baseURL ?? '')),

  hooks: async ({ playwright, apiURL }, use) => {
    const request = await playwright.request.newContext({ baseURL: apiURL });
    await use(new ApiHooks(request));
    await request.dispose();
  },

  startSignedIn: async ({ page, context, playwright, baseURL, header, network }, use) => {
    await use(async (user, path = '/') => {
      const { state, accessToken } = await signInThroughApi(
        playwright.request,
        baseURL ?? '',
        user,
      );
      await context.setStorageState(state);
      network.recordIssued(accessToken);
      await page.goto(path);
      await expect(header.userName(user)).toBeVisible();
      return accessToken;
    });
  },
  signIn: async ({ loginPage, header, network }, use) => {
    // Depends on `network` so that the login's token is recorded whenever a test asks for both.
    void network;
    await use(async (user, returnUrl) => {
      await loginPage.goto(returnUrl);
      await loginPage.signIn(user);
      await expect(header.userName(user)).toBeVisible();
    });
  },
  signedInUser: async ({ startSignedIn }, use) => {
    await startSignedIn(ALICE);
    await use(ALICE);
  },
  signedInAdmin: async ({ startSignedIn }, use) => {
    await startSignedIn(ADMIN);
    await use(ADMIN);
  },
  secondTab: async ({ context }, use) => {
    const tab = await context.newPage();
    await use(tab);
    await tab.close();
  },
  otherDevice: async ({ browser, baseURL, playwright }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, path = '/') => {
      const { state } = await signInThroughApi(playwright.request, baseURL ?? '', user);
      const context = await browser.newContext({ baseURL, storageState: state });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(path);
      await expect(new AppHeader(page).userName(user)).toBeVisible();
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  uniqueTitle: async ({}, use, testInfo) => {
    let count = 0;
    const stamp = `${testInfo.testId.slice(0, 6)}${Date.now().toString(36)}`;
    await use((label) => `${label} ${stamp}-${++count}`);
  },
});
