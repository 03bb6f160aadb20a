import { expect, test } from './fixtures';
import { storageHolds } from './support/storage';

test.describe('signing out', () => {
  test('revokes the refresh token on the server, clears storage and goes to the login page', async ({
    page,
    context,
    api,
    signedInUser,
    loginPage,
    header,
    network,
  }) => {
    const token = network.latestToken();
    const cookie = (await context.cookies()).find((c) => c.name === 'refresh_token');
    expect(cookie, 'the login set the refresh cookie').toBeDefined();
    // The page reaches /login while the revocation may still be on its way; the cookie check below
    // is only fair once the server has answered it.
    const revoked = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/auth/logout',
    );

    await header.signOut();
    expect((await revoked).status()).toBe(204);

    await expect(page).toHaveURL('/login');
    await expect(header.userName(signedInUser)).toBeHidden();
    await loginPage.expectShown();
    expect(network.to('/auth/logout', 'POST')).toHaveLength(1);
    expect(await storageHolds(page, token)).toBe(false);
    // Someone who copied the cookie before the sign-out gets nothing for it.
    expect(await api.refreshWithCookie(cookie?.value ?? '')).toEqual({
      status: 401,
      error: 'invalid_grant',
    });
    await page.goto('/notes');
    await loginPage.expectRedirectedFrom('/notes');
  });

  test('still signs out locally when the server cannot be reached', async ({
    page,
    signedInUser,
    loginPage,
    header,
    network,
    appErrors,
  }) => {
    const token = network.latestToken();
    await page.route('**/auth/logout', (route) => route.abort('connectionrefused'));
    const unreachable = page.waitForEvent(
      'requestfailed',
      (request) => new URL(request.url()).pathname === '/auth/logout',
    );

    await header.signOut();
    await unreachable;

    await expect(page).toHaveURL('/login');
    await expect(header.userName(signedInUser)).toBeHidden();
    await loginPage.expectShown();
    expect(network.to('/auth/logout', 'POST')).toHaveLength(1);
    expect(await storageHolds(page, token)).toBe(false);
    expect(appErrors.messages).toEqual([]);

    // The server never heard the sign-out, so its refresh cookie still works: the next guarded
    // page must not use it to sign the user back in, and the revocation is sent again.
    await page.unroute('**/auth/logout');
    await page.goto('/notes');
    await loginPage.expectRedirectedFrom('/notes');
    await expect(header.userName(signedInUser)).toBeHidden();
    expect(network.to('/auth/refresh', 'POST')).toHaveLength(0);
    await expect.poll(() => network.to('/auth/logout', 'POST').length).toBe(2);
  });
});
