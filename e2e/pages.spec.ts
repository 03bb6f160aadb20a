import { ADMIN, expect, test } from './fixtures';
import { bearer } from './support/network';

test.describe('dashboard and profile', () => {
  test('the dashboard greets the user and counts down the time left of the session', async ({
    page,
    startSignedIn,
    header,
  }) => {
    await page.clock.install();
    await startSignedIn(ADMIN);
    // The session card lists signed in at, expires at and, last, the time left.
    const timeLeft = page
      .getByRole('region', { name: 'Your session' })
      .getByRole('definition')
      .last();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada');
    await expect(page.getByText('Signed in at')).toBeVisible();
    await expect(page.getByText('Token expires at')).toBeVisible();
    const before = await timeLeft.textContent();

    await page.clock.runFor(61_000);

    await expect(timeLeft).not.toHaveText(before ?? '');
    await expect(header.link('Users')).toBeVisible();
  });

  test('the profile shows the user from /auth/me with roles and the session times', async ({
    page,
    startSignedIn,
    network,
  }) => {
    await startSignedIn(ADMIN, '/profile');

    const account = page.getByRole('region', { name: 'Account' });
    await expect(account.getByText(ADMIN.email)).toBeVisible();
    await expect(account.getByText(ADMIN.name)).toBeVisible();
    for (const role of ADMIN.roles) {
      await expect(account.getByRole('listitem').filter({ hasText: role })).toHaveCount(1);
    }
    const session = page.getByRole('region', { name: 'Session' });
    await expect(session.getByText('Time left')).toBeVisible();
    const me = network.to('/auth/me', 'GET');
    expect(me).toHaveLength(1);
    expect(me[0]?.authorization).toBe(bearer(network.latestToken()));
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('at 320 px wide every page fits without scrolling sideways', async ({
    page,
    api,
    startSignedIn,
    uniqueTitle,
  }) => {
    const note = await api.createNote(
      ADMIN,
      uniqueTitle('A rather long title for a narrow screen'),
    );
    const fitsWidth = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect.poll(fitsWidth, '/login').toBe(true);
    await startSignedIn(ADMIN);
    for (const path of ['/', '/notes', `/notes/${note.id}`, '/profile', '/admin']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect.poll(fitsWidth, path).toBe(true);
    }
  });
});
