import { ALICE, expect, test } from './fixtures';

/** An address no seed user has: failed logins for it lock out nobody else (CONTRACT §4). */
function unknownEmail(testId: string): string {
  return `nobody-${testId.slice(0, 8)}-${Date.now().toString(36)}@example.com`;
}

test.describe('signing in', () => {
  test('signing in shows the user name and Sign out in the header, then the dashboard', async ({
    page,
    loginPage,
    header,
  }) => {
    await loginPage.goto();
    await loginPage.signIn(ALICE);

    await expect(header.userName(ALICE)).toBeVisible();
    await expect(header.signOutButton).toBeVisible();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(ALICE.name.split(' ')[0]);
  });

  test('wrong credentials are refused in words, and never trigger a token refresh', async ({
    page,
    loginPage,
    header,
    network,
  }, testInfo) => {
    await loginPage.goto();
    await loginPage.signIn({ email: unknownEmail(testInfo.testId), password: 'not-the-password' });

    await expect(loginPage.serverError).toHaveText(/wrong email or password/i);
    await expect(page).toHaveURL('/login');
    await expect(header.signOutButton).toBeHidden();
    expect(network.to('/auth/login')).toHaveLength(1);
    expect(network.refreshes(), 'a 401 from /auth/login must not start a refresh').toEqual([]);
  });

  test('too many failed attempts lock the email out and say how long to wait', async ({
    page,
    loginPage,
  }, testInfo) => {
    const email = unknownEmail(testInfo.testId);
    const attempt = async (password: string) => {
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login');
      await loginPage.signIn({ email, password });
      return (await answer).status();
    };
    await loginPage.goto();

    // The suite's API allows LOGIN_MAX_ATTEMPTS=3 failures inside LOGIN_WINDOW (playwright.config.ts).
    for (const password of ['wrong-1', 'wrong-2', 'wrong-3']) {
      expect(await attempt(password)).toBe(401);
      await expect(loginPage.serverError).toHaveText(/wrong email or password/i);
    }
    expect(await attempt('wrong-4')).toBe(429);

    await expect(loginPage.serverError).toHaveText(/too many sign-in attempts/i);
    await expect(loginPage.serverError).toHaveText(/try again in \d+ (minute|second)s?/i);
  });

  test('an unreachable server is reported in words', async ({ page, loginPage }) => {
    await page.route('**/auth/login', (route) => route.abort('connectionrefused'));
    await loginPage.goto();
    await loginPage.signIn(ALICE);

    await expect(loginPage.serverError).toHaveText(/server could not be reached/i);
    await expect(loginPage.signInButton).toBeEnabled();
  });

  test('empty or malformed fields are explained beside the inputs and nothing is sent', async ({
    loginPage,
    network,
  }) => {
    await loginPage.goto();
    await loginPage.signInButton.click();

    await expect(loginPage.email).toHaveAccessibleDescription(/enter your email/i);
    await expect(loginPage.password).toHaveAccessibleDescription(/enter your password/i);

    await loginPage.email.fill('not-an-email');
    await expect(loginPage.email).toHaveAccessibleDescription(/email address like/i);
    await loginPage.signInButton.click();

    await expect(loginPage.email).toBeFocused();
    expect(network.to('/auth/login')).toEqual([]);
  });

  test('the password can be shown and hidden again', async ({ page, loginPage }) => {
    const toggle = page.getByRole('button', { name: 'Show password' });
    await loginPage.goto();
    await loginPage.password.fill('secret-words');

    await expect(loginPage.password).toHaveAttribute('type', 'password');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(loginPage.password).toHaveAttribute('type', 'text');
    await toggle.click();
    await expect(loginPage.password).toHaveAttribute('type', 'password');
  });

  test('the production build does not list the demo credentials', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.expectShown();

    await expect(page.getByText(ALICE.password)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /demo users/i })).toHaveCount(0);
  });
});
