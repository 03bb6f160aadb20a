import { ALICE, expect, test } from './fixtures';
import { sidOf } from './support/api-hooks';
import { bearer, lifetimeOf } from './support/network';

// /session shows the auth core at work (CONTRACT §7). Each test ends, at most, its own login.

test.describe('the session page', () => {
  test('shows the signed-in flag and the token decoded, never the token itself', async ({
    startSignedIn,
    sessionPage,
  }) => {
    const token = await startSignedIn(ALICE, '/session');
    await expect(sessionPage.signedIn).toHaveText('Yes');
    const claims = sessionPage.page.getByRole('region', { name: 'The access token, decoded' });
    await expect(claims.getByText(sidOf(token), { exact: true })).toBeVisible();
    const [header, payload, signature] = token.split('.');
    for (const part of [header, payload, signature]) {
      await expect(sessionPage.page.getByText(part ?? '')).toHaveCount(0);
    }
  });

  test("the timeline shows the timer's refresh, driven by the page clock", async ({
    page,
    startSignedIn,
    sessionPage,
    network,
  }) => {
    await page.clock.install();
    const token = await startSignedIn(ALICE, '/session');
    await expect(sessionPage.signedIn).toHaveText('Yes');
    await expect(sessionPage.event('Token refreshed')).toHaveCount(0);

    // To well before the refresh is due (the timer re-arms after the jump), then across it with
    // every timer firing on time: the refresh starts exactly when it is due.
    await page.clock.fastForward(lifetimeOf(token) - 90_000);
    await page.clock.runFor(45_000);

    await expect(
      sessionPage.event('Token refreshed by the timer, 60 s before it expired'),
    ).toHaveCount(1);
    expect(network.refreshes()).toHaveLength(1);
    // Newest first: the refresh is above how the session started.
    await expect(sessionPage.events.first()).toContainText('Token refreshed by the timer');
  });

  test('End this session on the server leads to the re-login dialog, then the request carries on', async ({
    page,
    startSignedIn,
    sessionPage,
    reloginDialog,
    network,
  }) => {
    const token = await startSignedIn(ALICE, '/session');
    await expect(sessionPage.endButton).toBeEnabled();

    await sessionPage.endButton.click();

    await expect(reloginDialog.dialog).toBeVisible();
    await expect(sessionPage.signedIn).toHaveText('No');
    await expect(page).toHaveURL('/session');
    // The login is over on the server: its access token is refused there too.
    const refused = await page.request.get('/api/notes', {
      headers: { authorization: bearer(token) },
    });
    expect(refused.status()).toBe(401);

    await reloginDialog.signIn(ALICE);

    await expect(reloginDialog.dialog).toBeHidden();
    await expect(sessionPage.status).toContainText('the server says you are Alice Example');
    await expect(sessionPage.signedIn).toHaveText('Yes');
    for (const words of [
      'The session was ended on the server',
      'Re-login dialog opened over the page',
      'Signed in as Alice Example',
      'GET /auth/me replayed after signing in again',
    ]) {
      await expect(sessionPage.event(words)).toHaveCount(1);
    }
    expect(network.to(`/auth/sessions/${sidOf(token)}`, 'DELETE')).toHaveLength(1);
    expect(
      network.to('/auth/me', 'GET').map((request) => request.authorization),
      'the refused request, then its one replay with the new token',
    ).toEqual([bearer(token), bearer(network.latestToken())]);
  });
});
